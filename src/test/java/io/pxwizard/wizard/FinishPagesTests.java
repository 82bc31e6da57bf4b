package io.pxwizard.wizard;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec URL's finish page is rendered once and served again: every viewer still gets a
 * CSRF token of their own, which the server accepts, and what varies per request is never
 * served to another.
 */
@WizardWebTest
class FinishPagesTests {

	private static final String SPEC = "/spec/2.8?" + Specs.SEED_QUERY + "&c=cached-page-test";

	private static final Pattern TOKENS = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private FinishPages finishPages;

	@Test
	void twoViewersOfOneSpecGetTheSamePageEachWithTheirOwnWorkingToken() {
		int kept = finishPages.size();
		MockHttpServletResponse alice = get(SPEC);
		assertThat(finishPages.size()).isEqualTo(kept + 1);
		// Bob is served the page kept for Alice's request.
		MockHttpServletResponse bob = get(SPEC);
		assertThat(finishPages.size()).isEqualTo(kept + 1);
		String first = body(alice);
		String second = body(bob);
		List<String> aliceTokens = tokens(first);
		List<String> bobTokens = tokens(second);
		// The meta tag and every form (apply, save) carry the token.
		assertThat(aliceTokens).hasSizeGreaterThanOrEqualTo(2);
		assertThat(bobTokens).hasSameSizeAs(aliceTokens);
		assertThat(bobTokens).doesNotContainAnyElementsOf(aliceTokens);
		assertThat(second).doesNotContain("csrf-");
		assertThat(TOKENS.matcher(second).replaceAll("")).isEqualTo(TOKENS.matcher(first).replaceAll(""));

		// Bob's token from the page served from the cache is his: saving the spec works.
		assertThat(mvc.post()
			.uri("/specs")
			.cookie(bob.getCookie("XSRF-TOKEN"))
			.param("_csrf", bobTokens.get(bobTokens.size() - 1))
			.param("name", "cached-page-test")
			.param("version", "2.8")
			.param("query", Specs.SEED_QUERY)).hasStatus3xxRedirection();
		// Alice's token does not work in Bob's session.
		assertThat(mvc.post()
			.uri("/specs")
			.cookie(bob.getCookie("XSRF-TOKEN"))
			.param("_csrf", aliceTokens.get(aliceTokens.size() - 1))
			.param("name", "cached-page-test-2")
			.param("version", "2.8")
			.param("query", Specs.SEED_QUERY)).hasStatus(403);
	}

	@Test
	void aPageWithAMessageOfOneRequestIsNotServedAgain() throws Exception {
		String url = "/spec/2.8/storage-classes?" + Specs.SEED_QUERY
				+ "&use.mongodb=true&name.mongodb=PX_Mongo&repl.mongodb=3";
		MvcTestResult redirect = mvc.get().uri(url).accept(MediaType.TEXT_HTML).exchange();
		assertThat(redirect).hasStatus3xxRedirection();
		String target = redirect.getMvcResult().getResponse().getRedirectedUrl().replace("#storage-classes", "");
		String withMessage = mvc.get()
			.uri(target)
			.flashAttrs(redirect.getMvcResult().getFlashMap())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(withMessage).contains("alert alert-danger small");
		String again = body(get(target));
		assertThat(again).doesNotContain("alert alert-danger small");
	}

	private MockHttpServletResponse get(String url) {
		MvcTestResult result = mvc.get().uri(url).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getCookie("XSRF-TOKEN")).isNotNull();
		return result.getResponse();
	}

	private static String body(MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> tokens(String page) {
		Matcher matcher = TOKENS.matcher(page);
		List<String> tokens = new ArrayList<>();
		while (matcher.find()) {
			tokens.add(matcher.group(1));
		}
		return tokens;
	}

}
