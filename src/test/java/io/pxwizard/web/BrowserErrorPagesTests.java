package io.pxwizard.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's bad address gets the error page in words; a script's gets problem details.
 * Through the real container, which forwards to the error page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "px-wizard.cluster.auto-connect=false")
class BrowserErrorPagesTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	@Test
	void anUnknownRunIsAPageForABrowserAndProblemDetailsForAScript() throws Exception {
		HttpResponse<String> page = get("/apply/runs/no-such-run", BROWSER);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("There is no page at this address.").doesNotContain("\"status\"");

		HttpResponse<String> problem = get("/apply/runs/no-such-run", "application/json");
		assertThat(problem.statusCode()).isEqualTo(404);
		assertThat(problem.body()).contains("\"status\":404").doesNotContain("<html");
	}

	@Test
	void anUnknownAddressAndABadParameterArePagesInWords() throws Exception {
		HttpResponse<String> missing = get("/no-such-page", BROWSER);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("There is no page at this address.");

		HttpResponse<String> bad = get("/status?ns=Not_A_Namespace", BROWSER);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("<html").contains("HTTP 400").doesNotContain("\"status\"");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Accept", accept)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
