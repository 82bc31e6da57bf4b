package io.pxwizard.catalog;

/**
 * One entry of the Portworx version drop-down.
 *
 * @param version the drop-down value and the install URL path ({@code 2.8})
 * @param imageVersion the full Portworx image tag ({@code 2.8.1.5})
 * @param operatorVersion the Portworx operator tag that release is installed with
 * @param profile the name of the {@link ReleaseProfile} its specs are written by
 * @param csi how that release's StorageCluster switches CSI on
 * @param storkWebhook the value of Stork's {@code webhook-controller} argument in that
 * release's spec
 * @param componentSet the name of the {@link ComponentSet} of images the operator starts
 * for that release
 */
public record PortworxRelease(String version, String imageVersion, String operatorVersion, String profile, CsiField csi,
		boolean storkWebhook, String componentSet) {

	/** Where a StorageCluster of this release asks for CSI. */
	public enum CsiField {

		/**
		 * Operator before 1.8 (Portworx 2.8 to 2.10):
		 * {@code spec.featureGates.CSI: "true"}.
		 */
		FEATURE_GATE,

		/** Operator 1.8 and later: {@code spec.csi.enabled: true}. */
		SPEC

	}

}
