package io.pxwizard.manifest;

import io.pxwizard.manifest.ImageMirror.MirroredImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an install pulls, and by which name from a custom registry. */
class ImageMirrorTests {

	private final ManifestFixture fixture = new ManifestFixture();

	@Test
	void storksSchedulerPullsTheClustersOwnKubeSchedulerWhenKbverSaysWhich() {
		assertThat(fixture.imageMirror.images(fixture.seedWith("kbver", "v1.29.4+k3s1")))
			.extracting(MirroredImage::component, MirroredImage::image)
			.contains(org.assertj.core.groups.Tuple.tuple("kubeScheduler",
					"registry.k8s.io/kube-scheduler-amd64:v1.29.4"));
		// The operator pins Kubernetes 1.22 to 1.21.4's scheduler.
		assertThat(fixture.imageMirror.images(fixture.seedWith("kbver", "1.22.17"))).extracting(MirroredImage::image)
			.contains("registry.k8s.io/kube-scheduler-amd64:v1.21.4");
		// Without a patch level, or without Stork, there is none to list.
		assertThat(fixture.imageMirror.images(fixture.seed())).extracting(MirroredImage::component)
			.doesNotContain("kubeScheduler");
		assertThat(fixture.imageMirror.images(fixture.seedWith("kbver", "1.29.4", "stork", "false")))
			.extracting(MirroredImage::component)
			.doesNotContain("kubeScheduler", "stork");
	}

	@Test
	void everyImageIsMovedByTheOperatorsRuleAndThePublicRegistryDropped() {
		var images = fixture.imageMirror
			.images(fixture.seedWith("kbver", "1.29.4", "reg", "registry.example.com:5000"));
		assertThat(images).extracting(MirroredImage::pulledAs)
			.contains("registry.example.com:5000/portworx/oci-monitor:2.8.1.5",
					"registry.example.com:5000/library/busybox:1.36",
					"registry.example.com:5000/kube-scheduler-amd64:v1.29.4")
			.allSatisfy((name) -> assertThat(name).startsWith("registry.example.com:5000/"));
	}

}
