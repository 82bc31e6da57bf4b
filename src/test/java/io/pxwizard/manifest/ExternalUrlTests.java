package io.pxwizard.manifest;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WizardWebTest
@TestPropertySource(properties = "px-wizard.external-url=http://10.0.0.5:8080/")
class ExternalUrlTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void configuredExternalAddressIsWhatTheClusterFetchesFrom() {
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY + "&source=local").accept(MediaType.ALL)).hasStatusOk()
			.bodyText()
			.startsWith("kubectl apply -f 'http://10.0.0.5:8080/install/2.8?comp=pxoperator'\n");
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY + "&source=local").accept(MediaType.TEXT_HTML))
			.bodyText()
			.doesNotContain("--px-wizard.external-url=");
	}

}
