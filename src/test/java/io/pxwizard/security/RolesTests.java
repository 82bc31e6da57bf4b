package io.pxwizard.security;

import java.util.List;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Viewers see; operators act. Every action that changes a cluster, a saved spec or the
 * connection answers a viewer 403 in words (a page, or a line for htmx and scripts) and
 * is hidden from the viewer's pages; the viewer account of the login form signs in.
 */
@SpringBootTest(properties = { "server.address=0.0.0.0", "px-wizard.cluster.auto-connect=false",
		"px-wizard.security.viewer-user=watcher" })
@AutoConfigureMockMvc
class RolesTests {

	private static final String SPEC = "/spec/2.8?" + Specs.SEED_QUERY;

	/** Every operator's action, as a form would post it. */
	private static final List<String> ACTIONS = List.of("/apply/2.8", "/specs", "/specs/1/rename", "/specs/1/delete",
			"/scan/2.8", "/verify", "/uninstall", "/uninstall/2.8", "/cluster/context", "/cluster/disconnect");

	@DynamicPropertySource
	static void viewerPassword(DynamicPropertyRegistry registry) {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("viewer password");
		registry.add("px-wizard.security.viewer-password-hash", () -> hash);
	}

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aViewerSeesSpecsManifestsHistoryAndLiveStatus() {
		for (String page : List.of("/", SPEC, "/wizard/2.8/basic?" + Specs.SEED_QUERY, "/specs", "/history", "/status",
				"/cluster")) {
			assertThat(mvc.get().uri(page).with(viewer()).accept(MediaType.TEXT_HTML)).as(page).hasStatusOk();
		}
		assertThat(mvc.get().uri(SPEC).with(viewer()).accept(MediaType.TEXT_PLAIN)).hasStatusOk()
			.bodyText()
			.contains("kubectl apply -f");
		// The live status stream: past the role check (here no cluster is connected:
		// 503).
		assertThat(mvc.get().uri("/status/stream?ns=kube-system").with(viewer()).exchange().getResponse().getStatus())
			.isNotIn(401, 403);
	}

	@Test
	void everyActionAnswersAViewer403InWordsAndDoesNothing() {
		for (String action : ACTIONS) {
			MvcTestResult page = mvc.post()
				.uri(action)
				.with(viewer())
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.exchange();
			assertThat(page).as(action).hasStatus(HttpStatus.FORBIDDEN);
			MvcTestResult htmx = mvc.post()
				.uri(action)
				.with(viewer())
				.with(csrf())
				.header("HX-Request", "true")
				.accept(MediaType.TEXT_HTML)
				.exchange();
			assertThat(htmx).as(action)
				.hasStatus(HttpStatus.FORBIDDEN)
				.bodyText()
				.contains("Only operators may do this");
			assertThat(mvc.post().uri(action).with(viewer()).with(csrf()).accept(MediaType.ALL)).as(action)
				.hasStatus(HttpStatus.FORBIDDEN)
				.bodyText()
				.contains("You are signed in as a viewer");
		}
		// The wizard's pages only build a URL: a viewer may use them.
		assertThat(mvc.post()
			.uri("/wizard/2.8/basic")
			.with(viewer())
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.getResponse()
			.getStatus()).isNotIn(401, 403);
	}

	@Test
	void anOperatorIsNotStoppedByTheRoleCheck() {
		// Past the role check, each action answers for itself (a missing field, no
		// cluster):
		// never 401 or 403.
		for (String action : ACTIONS) {
			assertThat(mvc.post()
				.uri(action)
				.with(operator())
				.with(csrf())
				.accept(MediaType.ALL)
				.exchange()
				.getResponse()
				.getStatus()).as(action).isNotIn(401, 403);
		}
	}

	@Test
	void aViewersPagesHideTheOperatorsForms() {
		String finish = body(mvc.get().uri(SPEC).with(viewer()).accept(MediaType.TEXT_HTML).exchange());
		String asOperator = body(mvc.get().uri(SPEC).with(operator()).accept(MediaType.TEXT_HTML).exchange());
		assertThat(asOperator).contains("action=\"/specs\"");
		assertThat(finish).doesNotContain("action=\"/specs\"").doesNotContain("action=\"/apply/2.8\"");
		assertThat(body(mvc.get().uri("/cluster").with(viewer()).accept(MediaType.TEXT_HTML).exchange()))
			.doesNotContain("action=\"/cluster/context\"")
			.doesNotContain("action=\"/cluster/disconnect\"");
	}

	@Test
	void theViewerAccountSignsInWithTheForm() {
		MvcTestResult signedIn = mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "watcher")
			.param("password", "viewer password")
			.exchange();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	private static RequestPostProcessor viewer() {
		return user("watcher").roles(Roles.VIEWER);
	}

	private static RequestPostProcessor operator() {
		return user("admin").roles(Roles.OPERATOR);
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
