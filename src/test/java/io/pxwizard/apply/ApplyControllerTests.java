package io.pxwizard.apply;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Apply without a cluster: every page still works and says how to connect. */
@WizardWebTest
class ApplyControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void headerSaysNoClusterAndTheFinishPageSaysHowToConnect() {
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains(">no cluster</span>")
			.contains("Connect a cluster to apply the spec and watch the install.")
			.doesNotContain("hx-get=\"/preflight");
	}

	@Test
	void applyWithoutAClusterGoesToTheClusterPage() {
		assertThat(mvc.post().uri("/apply/2.8?" + Specs.SEED_QUERY).with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/cluster");
		assertThat(mvc.get().uri("/cluster").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("No cluster connected");
	}

	@Test
	void applyNeedsTheCsrfToken() {
		assertThat(mvc.post().uri("/apply/2.8?" + Specs.SEED_QUERY)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void preflightWithoutAClusterSaysSo() {
		assertThat(mvc.get().uri("/preflight/2.8?" + Specs.SEED_QUERY)).hasStatusOk()
			.bodyText()
			.contains("Connect a cluster to check it before applying.");
	}

	@Test
	void unknownRunIsNotFound() {
		assertThat(mvc.get().uri("/apply/runs/nope").accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.NOT_FOUND);
	}

}
