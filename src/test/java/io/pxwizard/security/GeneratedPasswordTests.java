package io.pxwizard.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server that requires a login and has no configured password: one is generated,
 * printed once, stored hashed, and works; health and metrics answer on the management
 * port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.security.login-required=true", "px-wizard.cluster.auto-connect=false",
				"spring.datasource.url=jdbc:h2:mem:generated-password;DB_CLOSE_DELAY=-1" })
@ExtendWith(OutputCaptureExtension.class)
class GeneratedPasswordTests {

	private static final Pattern ANNOUNCED = Pattern.compile("User: admin {3}Password: ([A-Za-z0-9_-]{24})");

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void generatedPasswordIsPrintedOnceStoredHashedAndSignsIn(CapturedOutput startup) throws Exception {
		// Captured from the start of the class, so the context's start-up log is in it.
		String hash = jdbc.sql("select password_hash from admin_credential where username = 'admin'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}");
		String password = find(startup.getAll());
		assertThat(password).as("password printed at start-up").isNotNull();
		assertThat(hash).doesNotContain(password);

		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> home = http.send(get("/"), HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/login");

		HttpResponse<String> login = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(token.find()).isTrue();
		String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri(port, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
		HttpResponse<String> specs = http.send(get("/specs"), HttpResponse.BodyHandlers.ofString());
		assertThat(specs.statusCode()).isEqualTo(200);
		assertThat(specs.body()).contains("Saved specs");

		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(managementPort, "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(managementPort, "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		HttpResponse<String> env = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(managementPort, "/actuator/env")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(env.statusCode()).as("not exposed").isIn(401, 404);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(port, path)).header("Accept", "text/html").GET().build();
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	static String find(String log) {
		Matcher matcher = ANNOUNCED.matcher(log);
		return matcher.find() ? matcher.group(1) : null;
	}

}
