package io.pxwizard.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The Portworx operator's image rule, written again from its description
 * (libopenstorage/operator {@code pkg/util/util.go}, {@code GetImageURN}), independently
 * of px-wizard's, so the simulated cluster catches a manifest px-wizard gets wrong: with
 * {@code spec.customImageRegistry} set, a public registry in front of the image is
 * dropped; a registry without {@code /} keeps the image's repository, a registry with a
 * path keeps only its name.
 */
final class OperatorImages {

	private static final Set<String> COMMON_REGISTRIES = Set.of("docker.io", "quay.io", "index.docker.io",
			"registry-1.docker.io", "registry.connect.redhat.com", "registry.k8s.io");

	private OperatorImages() {
	}

	static String urn(String customImageRegistry, String image) {
		if (customImageRegistry == null || customImageRegistry.isBlank()) {
			return image;
		}
		boolean omitRepository = customImageRegistry.endsWith("//");
		String registry = customImageRegistry.replaceAll("/+$", "");
		List<String> parts = Arrays.asList(image.split("/"));
		if (parts.size() > 1 && COMMON_REGISTRIES.contains(parts.get(0))) {
			parts = parts.subList(1, parts.size());
		}
		if ((registry.contains("/") || omitRepository) && parts.size() > 1) {
			parts = parts.subList(parts.size() - 1, parts.size());
		}
		return registry + "/" + String.join("/", parts);
	}

}
