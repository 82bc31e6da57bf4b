package io.pxwizard.manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Collection;

/**
 * Where a cluster pulls an image from when the spec names a custom registry
 * ({@code reg=}), by the Portworx operator's own rule (libopenstorage/operator
 * {@code pkg/util/util.go}, {@code GetImageURN}), which the StorageCluster's
 * {@code customImageRegistry} triggers for every image the operator starts:
 * <ul>
 * <li>a first path segment naming a public registry ({@code docker.io}, {@code quay.io},
 * ...) is dropped;</li>
 * <li>a registry without {@code /} keeps the image's repository:
 * {@code reg/portworx/oci-monitor:3.1.4};</li>
 * <li>a registry with a path (or ending in {@code //}) keeps only the image's name:
 * {@code reg/path/oci-monitor:3.1.4}.</li>
 * </ul>
 * The operator Deployment itself is pulled by the kubelet, so px-wizard writes its image
 * in the same layout (as the Helm chart does).
 *
 * @param location the registry as typed, {@code host[:port][/path]}; empty for none
 * @param publicRegistries registry hosts the operator strips from an image before moving
 * it
 */
public record CustomRegistry(String location, Collection<String> publicRegistries) {

	public CustomRegistry {
		publicRegistries = java.util.Set.copyOf(publicRegistries);
	}

	public boolean isSet() {
		return !location.isEmpty();
	}

	/** The image the cluster pulls: the image itself without a custom registry. */
	public String resolve(String image) {
		String registry = location;
		boolean nameOnly = registry.endsWith("//");
		while (registry.endsWith("/")) {
			registry = registry.substring(0, registry.length() - 1);
		}
		if (registry.isEmpty()) {
			return image;
		}
		List<String> parts = Arrays.asList(image.split("/"));
		if (parts.size() > 1 && publicRegistries.contains(parts.get(0))) {
			parts = parts.subList(1, parts.size());
		}
		if ((registry.contains("/") || nameOnly) && parts.size() > 1) {
			parts = parts.subList(parts.size() - 1, parts.size());
		}
		return registry + "/" + String.join("/", parts);
	}

}
