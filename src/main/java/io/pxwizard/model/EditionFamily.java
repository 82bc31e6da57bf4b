package io.pxwizard.model;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.pxwizard.model.EditionOptions.Edition;
import io.pxwizard.catalog.ReleaseProfile;

/** {@code oem=esse} and {@code user=<Essentials ID>}; Enterprise writes neither. */
final class EditionFamily implements OptionFamily<EditionOptions> {

	static final String OEM = "oem";

	static final String USER = "user";

	static final String ESSENTIALS = "esse";

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@Override
	public String name() {
		return OptionFamilies.EDITION;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(OEM, USER);
	}

	@Override
	public EditionOptions read(SpecParameters state, FieldErrors errors) {
		String oem = state.get(OEM);
		if (oem.isEmpty()) {
			return new EditionOptions(Edition.ENTERPRISE, "");
		}
		if (!ESSENTIALS.equals(oem)) {
			errors.reject(OEM, "error.oem");
			return new EditionOptions(Edition.ENTERPRISE, "");
		}
		String id = state.trimmed(USER);
		if (id.isEmpty()) {
			errors.reject(USER, "error.user.missing");
		}
		else if (!UUID.matcher(id).matches()) {
			errors.reject(USER, "error.user.format");
		}
		return new EditionOptions(Edition.ESSENTIALS, id);
	}

	@Override
	public void describe(EditionOptions options, StorageClusterDraft cluster) {
		if (options.isEssentials()) {
			cluster.annotate("portworx.io/misc-args", "--oem esse");
		}
	}

	@Override
	public void write(EditionOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (options.isEssentials()) {
			parameters.put(OEM, ESSENTIALS);
			parameters.put(USER, options.essentialsId());
		}
	}

}
