package io.pxwizard.model;

import java.util.Map;
import java.util.Set;

import io.pxwizard.catalog.ReleaseProfile;

/** {@code operator}, {@code mc} and {@code kbver}. */
final class BasicFamily implements OptionFamily<BasicOptions> {

	static final String OPERATOR = "operator";

	/**
	 * Always {@code false} in what Portworx Central writes; its meaning is not
	 * documented.
	 */
	static final String MC = "mc";

	static final String KUBERNETES_VERSION = "kbver";

	@Override
	public String name() {
		return OptionFamilies.BASIC;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(OPERATOR, MC, KUBERNETES_VERSION);
	}

	@Override
	public BasicOptions read(SpecParameters state, FieldErrors errors) {
		boolean operator = ParameterRules.flag(state, OPERATOR, errors);
		if (!state.get(MC).isEmpty() && !"false".equals(state.get(MC))) {
			errors.reject(MC, "error.flag", MC);
		}
		String kubernetesVersion = state.trimmed(KUBERNETES_VERSION);
		if (!kubernetesVersion.isEmpty() && KubernetesVersion.parse(kubernetesVersion).isEmpty()) {
			errors.reject(KUBERNETES_VERSION, "error.kbver");
		}
		return new BasicOptions(operator, kubernetesVersion, state.has(KUBERNETES_VERSION));
	}

	@Override
	public void write(BasicOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (options.operator()) {
			parameters.put(OPERATOR, "true");
		}
		parameters.put(MC, "false");
		// Written even when empty, as Portworx Central does ("kbver="); some of its URLs
		// leave it out (real 2.11.3 spec).
		if (options.kubernetesVersionGiven()) {
			parameters.put(KUBERNETES_VERSION, options.kubernetesVersion());
		}
	}

}
