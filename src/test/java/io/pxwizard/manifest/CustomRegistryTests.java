package io.pxwizard.manifest;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's image rule (libopenstorage/operator pkg/util/util.go GetImageURN and its
 * TestImageURN cases).
 */
class CustomRegistryTests {

	private static final List<String> PUBLIC = List.of("docker.io", "quay.io", "index.docker.io",
			"registry-1.docker.io", "registry.connect.redhat.com", "registry.k8s.io");

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource({ "'', portworx/oci-monitor:3.1.4, portworx/oci-monitor:3.1.4",
			"registry.example.com:5000, portworx/oci-monitor:3.1.4, registry.example.com:5000/portworx/oci-monitor:3.1.4",
			"registry.example.com:5000, docker.io/openstorage/stork:24.3.0, registry.example.com:5000/openstorage/stork:24.3.0",
			"registry.example.com:5000, registry.k8s.io/sig-storage/csi-provisioner:v3.6.1, registry.example.com:5000/sig-storage/csi-provisioner:v3.6.1",
			"registry.example.com:5000, quay.io/prometheus/prometheus:v2.48.0, registry.example.com:5000/prometheus/prometheus:v2.48.0",
			"registry.example.com:5000, k8s.gcr.io/pause:3.1, registry.example.com:5000/k8s.gcr.io/pause:3.1",
			"registry.example.com:5000/portworx, portworx/oci-monitor:3.1.4, registry.example.com:5000/portworx/oci-monitor:3.1.4",
			"registry.example.com:5000/portworx, portworx/px-operator:24.1.1, registry.example.com:5000/portworx/px-operator:24.1.1",
			"registry.example.com:5000/portworx, docker.io/openstorage/stork:24.3.0, registry.example.com:5000/portworx/stork:24.3.0",
			"registry.example.com:5000/portworx, k8s.gcr.io/pause:3.1, registry.example.com:5000/portworx/pause:3.1",
			"registry.example.com:5000/a/b/, registry.k8s.io/sig-storage/snapshot-controller:v6.2.2, registry.example.com:5000/a/b/snapshot-controller:v6.2.2",
			"registry.example.com:5000//, portworx/oci-monitor:3.1.4, registry.example.com:5000/oci-monitor:3.1.4" })
	void imagesAreMovedAsTheOperatorMovesThem(String registry, String image, String pulledAs) {
		assertThat(new CustomRegistry(registry, PUBLIC).resolve(image)).isEqualTo(pulledAs);
	}

}
