package io.pxwizard.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Portworx releases read from image tags and put in order. */
class PortworxVersionTests {

	@Test
	void releasesAreReadFromImageReferences() {
		assertThat(PortworxVersion.ofImage("portworx/oci-monitor:2.8.1.5"))
			.hasValueSatisfying((version) -> assertThat(version.numbers()).containsExactly(2, 8, 1, 5));
		assertThat(PortworxVersion.ofImage("registry.example.com:5000/portworx/oci-monitor:3.2.0-ubuntu1804"))
			.map(PortworxVersion::toString)
			.hasValue("3.2.0");
		assertThat(PortworxVersion.ofImage("registry.example.com:5000/portworx/oci-monitor")).isEmpty();
		assertThat(PortworxVersion.ofImage("portworx/oci-monitor@sha256:0123abcd")).isEmpty();
		assertThat(PortworxVersion.ofImage("portworx/oci-monitor:latest")).isEmpty();
		assertThat(PortworxVersion.ofImage(null)).isEmpty();
	}

	@Test
	void releasesCompareNumberByNumberAMissingOneCountingAsZero() {
		assertThat(v("2.8.1.5").isOlderThan(v("2.12.1"))).isTrue();
		assertThat(v("2.12.1").isOlderThan(v("2.8.1.5"))).isFalse();
		assertThat(v("3.1").compareTo(v("3.1.0"))).isZero();
		assertThat(v("3.1.6").isOlderThan(v("3.10.0"))).isTrue();
	}

	private static PortworxVersion v(String text) {
		return PortworxVersion.parse(text).orElseThrow();
	}

}
