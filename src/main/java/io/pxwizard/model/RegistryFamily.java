package io.pxwizard.model;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.pxwizard.catalog.ReleaseProfile;

/** {@code reg}, {@code rsec} and {@code pp}. */
final class RegistryFamily implements OptionFamily<RegistryOptions> {

	static final String REGISTRY = "reg";

	static final String PULL_SECRET = "rsec";

	static final String PULL_POLICY = "pp";

	/** host[:port][/path], as an image reference starts. */
	private static final Pattern REGISTRY_FORMAT = Pattern.compile(
			"[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?)*");

	@Override
	public String name() {
		return OptionFamilies.REGISTRY;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(REGISTRY, PULL_SECRET, PULL_POLICY);
	}

	@Override
	public RegistryOptions read(SpecParameters state, FieldErrors errors) {
		String registry = state.trimmed(REGISTRY);
		if (!registry.isEmpty() && !REGISTRY_FORMAT.matcher(registry).matches()) {
			errors.reject(REGISTRY, "error.registry");
		}
		String pullSecret = state.trimmed(PULL_SECRET);
		if (!pullSecret.isEmpty() && !ParameterRules.DNS_SUBDOMAIN.matcher(pullSecret).matches()) {
			errors.reject(PULL_SECRET, "error.dnsSubdomain");
		}
		String pullPolicy = state.trimmed(PULL_POLICY);
		if (!pullPolicy.isEmpty() && !RegistryOptions.PULL_POLICIES.contains(pullPolicy)) {
			errors.reject(PULL_POLICY, "error.choice");
		}
		return new RegistryOptions(registry, pullSecret, pullPolicy);
	}

	@Override
	public void describe(RegistryOptions options, StorageClusterDraft cluster) {
		cluster.set("imagePullPolicy", options.effectivePullPolicy());
		if (!options.registry().isEmpty()) {
			cluster.set("customImageRegistry", options.registry());
		}
		if (!options.pullSecret().isEmpty()) {
			cluster.set("imagePullSecret", options.pullSecret());
		}
	}

	@Override
	public void write(RegistryOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (!options.registry().isEmpty()) {
			parameters.put(REGISTRY, options.registry());
		}
		if (!options.pullSecret().isEmpty()) {
			parameters.put(PULL_SECRET, options.pullSecret());
		}
		if (!options.pullPolicy().isEmpty()) {
			parameters.put(PULL_POLICY, options.pullPolicy());
		}
	}

}
