package io.pxwizard.catalog;

/**
 * A Kubernetes distribution on the Customize page.
 *
 * @param id the form value
 * @param param the install URL flag set to {@code true} for it, empty for "None"
 * @param annotation the StorageCluster annotation set to {@code "true"} for it, empty for
 * "None"
 * @param label what Portworx Central shows
 */
public record Distribution(String id, String param, String annotation, String label) {

	public boolean isNone() {
		return param == null || param.isEmpty();
	}

}
