package io.pxwizard.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WizardWebTest
class HomeControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void curlGetsAShortHelpOfTheParameters() {
		assertThat(mvc.get().uri("/").header("User-Agent", "curl/8.5.0").accept(MediaType.ALL)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.bodyText()
			.contains("curl '")
			// The example is the newest release's new spec, not one pinned to 2.8.
			.contains("/spec/3.6?operator=true&mc=false&kbver=&ns=portworx&oem=esse&user=<essentials-id>&b=true&iop=6")
			.contains("oem=esse&user=UUID")
			.contains("3.6, 3.5");
	}

	@Test
	void browserGetsTheStartPage() {
		assertThat(mvc.get().uri("/").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.hasViewName("home")
			.bodyText()
			.contains("Create a new spec")
			.contains("href=\"/wizard\"");
	}

	@Test
	void pagesCarryStrictSecurityHeaders() {
		assertThat(mvc.get().uri("/").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.headers()
			.hasValue("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.hasValue("X-Content-Type-Options", "nosniff");
	}

}
