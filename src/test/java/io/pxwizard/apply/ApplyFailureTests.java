package io.pxwizard.apply;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of failure is named for what it is, in kubectl's words where kubectl has
 * some.
 */
class ApplyFailureTests {

	@Test
	void onlyWhatMeansUnreachableIsCalledUnreachable() {
		assertThat(ApplyFailure.describe(wrapped(new ConnectException("Connection refused"))))
			.startsWith("Unable to connect to the server: ");
		assertThat(ApplyFailure.describe(wrapped(new UnknownHostException("api.example.com"))))
			.startsWith("Unable to connect to the server: ");
		// Before: every IOException was "Unable to connect to the server".
		assertThat(ApplyFailure.describe(wrapped(new SSLHandshakeException("PKIX path building failed"))))
			.startsWith("TLS handshake with the server failed");
		assertThat(ApplyFailure.describe(wrapped(new EOFException("stream ended"))))
			.startsWith("The connection to the server broke off: ");
		assertThat(ApplyFailure.describe(new IllegalStateException("a bug"))).startsWith("Error from server (Error): ");
	}

	@Test
	void serverAnswersKeepKubectlsCategories() {
		assertThat(ApplyFailure.describe(status(403, "deployments is forbidden")))
			.isEqualTo("Error from server (Forbidden): deployments is forbidden");
		assertThat(ApplyFailure.describe(status(409, "conflict"))).startsWith("Error from server (Conflict): ");
		assertThat(ApplyFailure.describe(status(422, "invalid"))).startsWith("Error from server (Invalid): ");
		assertThat(ApplyFailure.describe(new TimeoutException("waited"))).startsWith("timed out: ");
	}

	private static KubernetesClientException wrapped(IOException cause) {
		return new KubernetesClientException("Operation: [create] failed", cause);
	}

	private static KubernetesClientException status(int code, String message) {
		return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage(message).build());
	}

}
