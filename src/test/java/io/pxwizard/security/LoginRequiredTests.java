package io.pxwizard.security;

import io.pxwizard.model.Specs;
import io.pxwizard.web.Roles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Listening beyond loopback: every page asks for a login, every API answers 401, the
 * manifests stay public.
 */
@SpringBootTest(properties = { "server.address=0.0.0.0", "px-wizard.cluster.auto-connect=false" })
@AutoConfigureMockMvc
class LoginRequiredTests {

	static final String PASSWORD = "correct horse battery staple";

	@DynamicPropertySource
	static void adminPassword(DynamicPropertyRegistry registry) {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		registry.add("px-wizard.security.admin-password-hash", () -> hash);
	}

	@Autowired
	private MockMvcTester mvc;

	@Test
	void everyPageRedirectsToLogin() {
		for (String page : new String[] { "/", "/wizard", "/wizard/2.8/basic?" + Specs.SEED_QUERY,
				"/spec/2.8?" + Specs.SEED_QUERY, "/specs", "/history", "/status", "/cluster", "/uninstall",
				"/uninstall/2.8?" + Specs.SEED_QUERY }) {
			MvcTestResult result = mvc.get().uri(page).accept(MediaType.TEXT_HTML).exchange();
			assertThat(result).as(page).hasStatus(HttpStatus.FOUND);
			assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
		}
		assertThat(mvc.get().uri("/login").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains(">Sign in</h1>");
	}

	@Test
	void everyApiAnswers401() {
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY).accept(MediaType.ALL))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/").accept(MediaType.ALL)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/status/stream")).hasStatus(HttpStatus.UNAUTHORIZED);
		// htmx is told to reload the page (htmx-spring-boot's entry point), which then
		// goes to the login page.
		assertThat(mvc.get()
			.uri("/preflight/2.8?" + Specs.SEED_QUERY)
			.header("HX-Request", "true")
			.accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.FORBIDDEN).hasHeader("HX-Refresh", "true");
		assertThat(mvc.post().uri("/apply/2.8").with(csrf()).accept(MediaType.ALL)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/uninstall").with(csrf()).accept(MediaType.ALL)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void manifestsStayPublicForAnAirGappedClustersKubectl() {
		assertThat(mvc.get().uri("/install/2.8?comp=pxoperator").accept(MediaType.ALL)).hasStatusOk();
	}

	@Test
	void theAdministratorSignsInAndOut() {
		MvcTestResult wrong = mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "admin")
			.param("password", "nope")
			.exchange();
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		MvcTestResult right = mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "admin")
			.param("password", PASSWORD)
			.exchange();
		assertThat(right).hasStatus(HttpStatus.FOUND);
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(mvc.get().uri("/specs").with(user("admin").roles(Roles.OPERATOR)).accept(MediaType.TEXT_HTML))
			.hasStatusOk()
			.bodyText()
			.contains("Sign out admin");
		assertThat(mvc.post().uri("/logout").with(user("admin").roles(Roles.OPERATOR)).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/login?logout");
	}

	@Test
	void signedInWritesStillNeedTheCsrfToken() {
		assertThat(mvc.post()
			.uri("/specs")
			.with(user("admin").roles(Roles.OPERATOR))
			.param("name", "x")
			.param("version", "2.8")
			.param("query", Specs.SEED_QUERY)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/uninstall")
			.with(user("admin").roles(Roles.OPERATOR))
			.param("strategy", "UNINSTALL_AND_WIPE")
			.param("clusterName", "px-cluster")).hasStatus(HttpStatus.FORBIDDEN);
	}

}
