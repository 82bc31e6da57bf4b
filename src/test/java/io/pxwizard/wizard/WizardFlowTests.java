package io.pxwizard.wizard;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.TestCatalog;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which page a problem belongs to, and what a page owns: the wizard's view of the query
 * language.
 */
class WizardFlowTests {

	private final PortworxCatalog catalog = TestCatalog.get();

	private final SpecQuery specQuery = new SpecQuery(catalog);

	private final WizardFlow flow = new WizardFlow(catalog, specQuery);

	@Test
	void unknownVersionIsRefusedOnTheBasicPage() {
		SpecReading reading = specQuery.read("9.9", SpecParameters.of(Specs.seedParameters()));
		assertThat(reading.errors().has("version")).isTrue();
		assertThat(flow.firstWithErrors(reading.errors())).isEqualTo(WizardStep.BASIC);
	}

	@Test
	void problemsPointAtTheFirstPageThatHasOne() {
		assertThat(flow.firstWithErrors(specQuery.read("2.8", Specs.seedWith("d", "bad interface!")).errors()))
			.isEqualTo(WizardStep.NETWORK);
		assertThat(flow.firstWithErrors(specQuery.read("2.8", Specs.seedWith("s", "nope")).errors()))
			.isEqualTo(WizardStep.STORAGE);
		assertThat(flow.firstWithErrors(specQuery.read("2.8", Specs.seedWith("pp", "nope")).errors()))
			.isEqualTo(WizardStep.CUSTOMIZE);
		assertThat(flow.firstWithErrors(specQuery.read("2.8", Specs.seedWithout("user")).errors()))
			.isEqualTo(WizardStep.BASIC);
	}

	@Test
	void eachPageOwnsItsFamiliesFieldsAndTheBasicPageTheVersion() {
		assertThat(flow.ownedFields(WizardStep.BASIC)).contains("version", "operator", "kbver", "oem", "user", "b",
				"k");
		assertThat(flow.ownedFields(WizardStep.STORAGE)).contains("s", "f", "j", "kd", "iop", "scan", "kdskip", "env")
			.doesNotContain("version");
		assertThat(flow.ownedFields(WizardStep.CUSTOMIZE)).contains("dist", "stork", "aut", "c", "reg");
		assertThat(flow.ownedFields(WizardStep.FINISH)).isEmpty();
	}

}
