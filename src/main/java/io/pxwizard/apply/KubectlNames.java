package io.pxwizard.apply;

import java.util.Locale;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Objects named the way kubectl prints them: {@code deployment.apps/portworx-operator},
 * {@code secret/px-essential}.
 */
public final class KubectlNames {

	private KubectlNames() {
	}

	public static String of(HasMetadata object) {
		String apiVersion = object.getApiVersion();
		int slash = apiVersion.indexOf('/');
		String group = (slash < 0) ? "" : apiVersion.substring(0, slash);
		String kind = object.getKind().toLowerCase(Locale.ROOT);
		return kind + (group.isEmpty() ? "" : "." + group) + "/" + object.getMetadata().getName();
	}

}
