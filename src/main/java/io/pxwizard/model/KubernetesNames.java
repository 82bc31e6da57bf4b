package io.pxwizard.model;

import java.util.regex.Pattern;

/** Kubernetes' rule for the names px-wizard takes from users: an RFC 1123 DNS label. */
public final class KubernetesNames {

	/**
	 * Lower-case letters, digits and '-', starting and ending alphanumeric, at most 63.
	 */
	static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private KubernetesNames() {
	}

	/** Whether a namespace or object name is a DNS label. */
	public static boolean isDnsLabel(String name) {
		return name != null && DNS_LABEL.matcher(name).matches();
	}

}
