package io.pxwizard.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container image's HEALTHCHECK: exit 0 when the management port says UP. Plain JDK,
 * no framework.
 */
public final class HealthCheck {

	private HealthCheck() {
	}

	public static void main(String[] args) throws Exception {
		String port = System.getenv().getOrDefault("MANAGEMENT_SERVER_PORT", "8081");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
				.timeout(Duration.ofSeconds(4))
				.build(), HttpResponse.BodyHandlers.ofString());
		System.exit((response.statusCode() == 200 && response.body().contains("\"UP\"")) ? 0 : 1);
	}

}
