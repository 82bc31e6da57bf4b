package io.pxwizard.catalog;

import java.util.List;
import java.util.Map;

import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
	void addingAReleaseIsAnEditOfTheCatalogue() throws Exception {
		// What an administrator adds to application.yaml (or passes as properties) for a
		// new release of a known line.
		PortworxCatalog extended = TestCatalog.edited((yaml) -> yaml.replace("  releases:\n", "  releases:\n"
				+ "    - { version: \"3.7\", image-version: \"3.7.0\", operator-version: \"26.4.0\", profile: \"3\", csi: spec, "
				+ "stork-webhook: true, component-set: operator-24.1 }\n"));
		assertThat(extended.newestRelease().version()).isEqualTo("3.7");
		SpecQuery specQuery = new SpecQuery(extended);
		SpecParameters state = specQuery.newSpec("3.7");
		Map<String, String> filled = new java.util.LinkedHashMap<>(state.asMap());
		filled.put("user", "152f6083-a52f-11ea-97e6-f6e09c7a4e5e");
		SpecReading reading = specQuery.read("3.7", SpecParameters.of(filled));
		assertThat(reading.errors().all()).isEmpty();
		assertThat(specQuery.commands(reading.spec(), extended.installBaseUrl()).operatorUrl())
			.isEqualTo("https://install.portworx.com/3.7?comp=pxoperator&kbver=&ns=portworx");
		assertThat(specQuery.queryString(reading.spec())).contains("&ns=portworx&").contains("&iop=6&");
	}

	@Test
	void aReleaseNamingAnUnknownProfileIsRefusedAtStartWithItsName() {
		assertThatThrownBy(
				() -> TestCatalog.edited((yaml) -> yaml.replaceFirst("profile: \"3\", ", "profile: \"9\", ")))
			.hasStackTraceContaining("Release 3.6 names profile '9', which px.profiles lacks");
	}

	@Test
	void everyReleaseHasItsProfileAndComponentImages() {
		for (PortworxRelease release : catalog.releases()) {
			assertThat(catalog.profile(release).parameterOrder()).contains("operator", "c", "st");
			assertThat(catalog.components(release).images()).containsKeys("stork", "csiProvisioner", "pause");
		}
		assertThat(catalog.profile(catalog.release("2.8").orElseThrow()).operatorParameters()).isEmpty();
		assertThat(catalog.profile(catalog.release("2.12").orElseThrow()).operatorParameters()).containsExactly("kbver",
				"ns");
		assertThat(catalog.profile(catalog.release("3.0").orElseThrow()).newSpec()).containsEntry("ns", "portworx")
			.containsEntry("iop", "6");
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
