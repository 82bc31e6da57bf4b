package io.pxwizard.wizard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec URL's finish page is rendered once and served again: every browser still gets a
 * CSRF token of its own, which the server accepts, and what varies per request is never
 * served to another. Real browsers' cookies on a real server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "px-wizard.cluster.auto-connect=false")
class FinishPagesTests {

	private static final String SPEC = "/spec/2.8?" + Specs.SEED_QUERY + "&c=cached-page-test";

	private static final Pattern TOKENS = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private FinishPages finishPages;

	@Test
	void twoBrowsersOfOneSpecGetTheSamePageEachWithTheirOwnWorkingToken() throws Exception {
		HttpClient alice = browser();
		HttpClient bob = browser();
		int kept = finishPages.size();
		String first = get(alice, SPEC).body();
		assertThat(finishPages.size()).isEqualTo(kept + 1);
		// Bob is served the page kept for Alice's request.
		String second = get(bob, SPEC).body();
		assertThat(finishPages.size()).isEqualTo(kept + 1);
		List<String> aliceTokens = tokens(first);
		List<String> bobTokens = tokens(second);
		// The meta tag and every form (save, at least) carry the token.
		assertThat(aliceTokens).hasSizeGreaterThanOrEqualTo(2);
		assertThat(bobTokens).hasSameSizeAs(aliceTokens).doesNotContainAnyElementsOf(aliceTokens);
		assertThat(second).doesNotContain("csrf-");
		assertThat(TOKENS.matcher(second).replaceAll("")).isEqualTo(TOKENS.matcher(first).replaceAll(""));

		// Bob's token from the page served from the cache is his: saving the spec works;
		// Alice's does not work in Bob's browser.
		assertThat(save(bob, aliceTokens.get(aliceTokens.size() - 1)).statusCode()).isEqualTo(403);
		assertThat(save(bob, bobTokens.get(bobTokens.size() - 1)).statusCode()).isEqualTo(302);
	}

	@Test
	void aPageWithAMessageOfOneRequestIsNotServedAgain() throws Exception {
		HttpClient alice = browser();
		HttpResponse<String> redirect = get(alice, "/spec/2.8/storage-classes?" + Specs.SEED_QUERY
				+ "&use.mongodb=true&name.mongodb=PX_Mongo&repl.mongodb=3");
		assertThat(redirect.statusCode()).isEqualTo(302);
		String target = URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawPath() + "?"
				+ URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery();
		assertThat(get(alice, target).body()).contains("A StorageClass name uses lower-case letters");
		assertThat(get(browser(), target).body()).doesNotContain("A StorageClass name uses lower-case letters");
		assertThat(get(alice, target).body()).doesNotContain("A StorageClass name uses lower-case letters");
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> save(HttpClient browser, String token) throws IOException, InterruptedException {
		String form = "name=cached-page-test&version=2.8&query="
				+ URLEncoder.encode(Specs.SEED_QUERY, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/specs"))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
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
