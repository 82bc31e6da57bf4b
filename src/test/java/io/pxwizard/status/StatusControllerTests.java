package io.pxwizard.status;

import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The status page without a cluster. */
@WizardWebTest
class StatusControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void withoutAClusterThePageSaysHowToConnect() {
		assertThat(mvc.get().uri("/status").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("No cluster is connected: connect one to watch the install.")
			.contains("kubectl -n kube-system get pods -w")
			.doesNotContain("sse-connect");
	}

	@Test
	void streamWithoutAClusterIsUnavailable() {
		assertThat(mvc.get().uri("/status/stream")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void badNamespaceIsRefused() {
		assertThat(mvc.get().uri("/status?ns=Kube System").accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/status?ns=<script>").accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.doesNotContain("<script>");
	}

}
