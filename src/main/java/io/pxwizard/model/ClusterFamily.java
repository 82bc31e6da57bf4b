package io.pxwizard.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.ClusterOptions.EnvironmentVariable;
import io.pxwizard.catalog.ReleaseProfile;

/** {@code c}, {@code ns}, {@code st} and {@code e}. */
final class ClusterFamily implements OptionFamily<ClusterOptions> {

	static final String NAME = "c";

	static final String NAMESPACE = "ns";

	static final String SECRETS_STORE = "st";

	static final String ENVIRONMENT = "e";

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

	/** Printable, without the comma that separates variables in {@code e=}. */
	private static final Pattern VARIABLE_VALUE = Pattern.compile("[\\p{Print}&&[^,]]{0,512}");

	private final PortworxCatalog catalog;

	ClusterFamily(PortworxCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String name() {
		return OptionFamilies.CLUSTER;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(NAME, NAMESPACE, SECRETS_STORE, ENVIRONMENT);
	}

	@Override
	public ClusterOptions read(SpecParameters state, FieldErrors errors) {
		String name = state.trimmed(NAME);
		if (name.isEmpty()) {
			errors.reject(NAME, "error.clusterName.missing");
		}
		else if (!ParameterRules.DNS_LABEL.matcher(name).matches()) {
			errors.reject(NAME, "error.dnsLabel");
		}
		String namespace = namespace(state, errors);
		String secretsStore = state.trimmed(SECRETS_STORE);
		if (!catalog.isSecretsStore(secretsStore)) {
			errors.reject(SECRETS_STORE, "error.choice");
		}
		return new ClusterOptions(name, namespace, secretsStore, environment(state, errors));
	}

	/**
	 * {@code ns=}: empty for the default, else a DNS label; the operator URL reads it the
	 * same way.
	 */
	static String namespace(SpecParameters state, FieldErrors errors) {
		String namespace = state.trimmed(NAMESPACE);
		if (!namespace.isEmpty() && !ParameterRules.DNS_LABEL.matcher(namespace).matches()) {
			errors.reject(NAMESPACE, "error.dnsLabel");
		}
		return namespace;
	}

	private static List<EnvironmentVariable> environment(SpecParameters state, FieldErrors errors) {
		List<EnvironmentVariable> variables = new ArrayList<>();
		String typed = state.get(ENVIRONMENT);
		if (!ParameterRules.withinLength(ENVIRONMENT, typed, 4096, errors)) {
			return variables;
		}
		for (String item : typed.split("[,\\r\\n]+")) {
			String pair = item.strip();
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			if (equals < 0 || !VARIABLE_NAME.matcher(name).matches() || !VARIABLE_VALUE.matcher(value).matches()) {
				errors.reject(ENVIRONMENT, "error.environment", pair);
			}
			variables.add(new EnvironmentVariable(name, value));
		}
		return variables;
	}

	@Override
	public void describe(ClusterOptions options, StorageClusterDraft cluster) {
		cluster.set("secretsProvider", options.secretsStore());
		if (!options.environment().isEmpty()) {
			cluster.set("env", options.environment().stream().map(ClusterFamily::environmentEntry).toList());
		}
	}

	private static Map<String, String> environmentEntry(EnvironmentVariable variable) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("name", variable.name());
		entry.put("value", variable.value());
		return entry;
	}

	@Override
	public void write(ClusterOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		parameters.put(NAME, options.name());
		if (!options.namespace().isEmpty()) {
			parameters.put(NAMESPACE, options.namespace());
		}
		parameters.put(SECRETS_STORE, options.secretsStore());
		if (!options.environment().isEmpty()) {
			parameters.put(ENVIRONMENT,
					options.environment().stream().map(EnvironmentVariable::toString).collect(Collectors.joining(",")));
		}
	}

}
