package io.pxwizard.model;

import java.util.List;

/**
 * Where images come from.
 *
 * @param registry a custom image registry ({@code reg=}), empty for the public ones
 * @param pullSecret the image pull secret's name ({@code rsec=})
 * @param pullPolicy the image pull policy ({@code pp=}), empty for the default (Always)
 */
public record RegistryOptions(String registry, String pullSecret, String pullPolicy) {

	/** Kubernetes' image pull policies, in the order the Customize page offers them. */
	public static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

	/** What generated specs use when no policy is chosen. */
	public static final String DEFAULT_PULL_POLICY = "Always";

	/**
	 * The policy the manifests write: the chosen one, else Portworx Central's default.
	 */
	public String effectivePullPolicy() {
		return pullPolicy.isEmpty() ? DEFAULT_PULL_POLICY : pullPolicy;
	}

}
