package io.pxwizard.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortworxCatalogTests {

	private final PortworxCatalog catalog = TestCatalog.get();

	@Test
	void releasesAreNewestFirstFrom28To3x() {
		List<String> versions = catalog.releases().stream().map(PortworxRelease::version).toList();
		assertThat(versions).first().isEqualTo("3.6");
		assertThat(versions).last().isEqualTo("2.8");
		assertThat(versions).contains("2.9", "2.10", "2.13", "3.0", "3.1");
		assertThat(versions).isSortedAccordingTo((a, b) -> PortworxCatalog.compareVersions(b, a));
		assertThat(catalog.newestRelease().version()).isEqualTo("3.6");
	}

	@Test
	void versionsCompareNumerically() {
		assertThat(PortworxCatalog.compareVersions("2.10", "2.9")).isPositive();
		assertThat(PortworxCatalog.compareVersions("3.0", "2.13")).isPositive();
		assertThat(PortworxCatalog.compareVersions("2.8", "2.8.0")).isZero();
	}

	@Test
	void seedReleaseIsTheRealGeneratedOne() {
		PortworxRelease release = catalog.release("2.8").orElseThrow();
		assertThat(release.imageVersion()).isEqualTo("2.8.1.5");
		assertThat(release.csi()).isEqualTo(PortworxRelease.CsiField.FEATURE_GATE);
		assertThat(release.storkWebhook()).isFalse();
	}

	@Test
	void noneIsTheFirstDistributionAndSetsNoFlag() {
		assertThat(catalog.distributions().get(0).label()).isEqualTo("None");
		assertThat(catalog.noDistribution().isNone()).isTrue();
		assertThat(catalog.distribution("openshift")).get().extracting(Distribution::param).isEqualTo("osft");
	}

	@Test
	void defaultsAreTheSeedChoices() {
		assertThat(catalog.defaults().parameters()).containsEntry("operator", "true")
			.containsEntry("kbver", "")
			.containsEntry("oem", "esse")
			.containsEntry("j", "auto")
			.containsEntry("st", "k8s");
		assertThat(catalog.isSecretsStore("k8s")).isTrue();
		assertThat(catalog.isSecretsStore("nope")).isFalse();
	}

}
