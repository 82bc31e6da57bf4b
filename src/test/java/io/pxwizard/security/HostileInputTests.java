package io.pxwizard.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every form field and URL parameter, fed hostile text: never a 500, never reflected
 * unescaped, and whatever reaches a command stays inside its single quotes,
 * percent-encoded.
 */
@WizardWebTest
class HostileInputTests {

	static final List<String> PAYLOADS = HostilePayloads.ALL;

	/** Every wizard field, by the page that asks for it. */
	static final Map<String, List<String>> FIELDS = Map.of("basic",
			List.of("oem", "user", "operator", "mc", "kbver", "b", "k", "version"), "storage",
			List.of("scan", "s", "f", "j", "kdskip", "kd"), "network", List.of("d", "m"), "customize",
			List.of("dist", "stork", "csi", "lh", "mon", "promop", "tel", "st", "c", "ns", "reg", "rsec", "pp", "e",
					"osft", "eks"));

	private static final Pattern COMMAND = Pattern.compile("<code id=\"cmd-(\\d)\"[^>]*>([^<]*)</code>");

	@Autowired
	private MockMvcTester mvc;

	static Stream<Arguments> everyFieldAndPayload() {
		List<Arguments> cases = new ArrayList<>();
		FIELDS.forEach((step, fields) -> fields
			.forEach((field) -> PAYLOADS.forEach((payload) -> cases.add(Arguments.of(step, field, payload)))));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyFieldAndPayload")
	void hostileTextIsRefusedOrMadeHarmless(String step, String field, String payload) throws Exception {
		// As a typed form answer.
		MockMvcRequestBuilder post = mvc.post().uri("/wizard/2.8/" + step).with(csrf()).accept(MediaType.TEXT_HTML);
		Specs.seedParameters().forEach(post::param);
		post.param("version", "2.8").param("dist", "none").param(field, payload);
		checkPage(post.exchange());

		// As a spec URL opened cold, in a browser and from curl.
		String url = "/spec/2.8?" + Specs.SEED_QUERY + "&" + field + "="
				+ UriUtils.encode(payload, StandardCharsets.UTF_8);
		checkPage(mvc.get().uri(URI.create(url)).accept(MediaType.TEXT_HTML).exchange());
		MvcTestResult text = mvc.get().uri(URI.create(url)).accept(MediaType.ALL).exchange();
		assertThat(text.getResponse().getStatus()).isIn(200, 400);
		if (text.getResponse().getStatus() == 200) {
			for (String line : text.getResponse().getContentAsString().split("\n")) {
				checkCommand(line);
			}
		}

		// As a manifest request.
		MvcTestResult manifest = mvc.get().uri(URI.create(url.replace("/spec/", "/install/"))).exchange();
		assertThat(manifest.getResponse().getStatus()).isIn(200, 400);
		assertThat(manifest.getResponse().getHeader("Set-Cookie")).isNull();
	}

	@ParameterizedTest(name = "version {0}")
	@MethodSource("payloads")
	void hostileVersionInThePathIsRefused(String payload) {
		String segment = UriUtils.encodePathSegment(payload, StandardCharsets.UTF_8);
		for (String prefix : new String[] { "/spec/", "/install/", "/wizard/" }) {
			MvcTestResult result = mvc.get()
				.uri(URI.create(prefix + segment + (prefix.equals("/wizard/") ? "/basic?" : "?") + Specs.SEED_QUERY))
				.accept(MediaType.TEXT_HTML)
				.exchange();
			assertThat(result.getResponse().getStatus()).as(prefix).isIn(200, 400, 404);
			if (String.valueOf(result.getResponse().getContentType()).startsWith("text/plain")) {
				// Plain text (curl's answer) is never read as HTML: the browser is told
				// not to sniff it.
				assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			}
			else {
				assertThat(result).bodyText().as(prefix).doesNotContain("<script>alert", "<img src=x");
			}
		}
	}

	static Stream<String> payloads() {
		return PAYLOADS.stream();
	}

	private void checkPage(MvcTestResult result) throws Exception {
		int status = result.getResponse().getStatus();
		assertThat(status).isIn(200, 302, 400);
		assertThat(String.valueOf(result.getResponse().getHeader("Set-Cookie"))).doesNotContain("pwned");
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain("<script>alert", "<img src=x", "\u001b[31m");
		Matcher commands = COMMAND.matcher(body);
		while (commands.find()) {
			checkCommand(HtmlUtils.htmlUnescape(commands.group(2)));
		}
	}

	/** {@code kubectl apply -f '<url>'} where the URL can break out of nothing. */
	private static void checkCommand(String command) {
		assertThat(command).startsWith("kubectl apply -f '").endsWith("'");
		String url = command.substring("kubectl apply -f '".length(), command.length() - 1);
		assertThat(url).doesNotContain("'", " ", "$", "`", ";", "|", "<", ">", "\r", "\n", "\u0000", "(", ")");
	}

}
