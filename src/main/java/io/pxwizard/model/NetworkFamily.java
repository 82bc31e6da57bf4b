package io.pxwizard.model;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.pxwizard.catalog.ReleaseProfile;

/** {@code d} and {@code m}: written only when not {@code auto}. */
final class NetworkFamily implements OptionFamily<NetworkOptions> {

	static final String DATA = "d";

	static final String MANAGEMENT = "m";

	/** A Linux interface name: at most 15 characters, no slash or white space. */
	private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

	@Override
	public String name() {
		return OptionFamilies.NETWORK;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(DATA, MANAGEMENT);
	}

	@Override
	public Map<String, String> impliedFormValues(SpecParameters state) {
		return Map.of(DATA, NetworkOptions.AUTO, MANAGEMENT, NetworkOptions.AUTO);
	}

	@Override
	public NetworkOptions read(SpecParameters state, FieldErrors errors) {
		return new NetworkOptions(networkInterface(state, DATA, errors), networkInterface(state, MANAGEMENT, errors));
	}

	private static String networkInterface(SpecParameters state, String name, FieldErrors errors) {
		String value = state.trimmed(name);
		if (value.isEmpty() || NetworkOptions.AUTO.equals(value)) {
			return NetworkOptions.AUTO;
		}
		if (!INTERFACE.matcher(value).matches()) {
			errors.reject(name, "error.interface");
		}
		return value;
	}

	@Override
	public void describe(NetworkOptions options, StorageClusterDraft cluster) {
		if (!NetworkOptions.AUTO.equals(options.dataInterface())) {
			cluster.set("network.dataInterface", options.dataInterface());
		}
		if (!NetworkOptions.AUTO.equals(options.managementInterface())) {
			cluster.set("network.mgmtInterface", options.managementInterface());
		}
	}

	@Override
	public void write(NetworkOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (!NetworkOptions.AUTO.equals(options.dataInterface())) {
			parameters.put(DATA, options.dataInterface());
		}
		if (!NetworkOptions.AUTO.equals(options.managementInterface())) {
			parameters.put(MANAGEMENT, options.managementInterface());
		}
	}

}
