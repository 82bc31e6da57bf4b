package io.pxwizard.status;

import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;

import static org.awaitility.Awaitility.await;

/**
 * Closes a test context's status boards while its class still owns the simulated cluster:
 * fabric8's mock server can hold a vert.x event loop for up to a minute when a watch
 * closes mid-send (WatchEventsListener.onClosed awaits its executor), and a board that
 * housekeeping closed later timed out another test class's requests. Waits until the
 * server answers again.
 */
public final class TestBoards {

	private TestBoards() {
	}

	public static void close(StatusBoards boards, KubernetesClient client) {
		boards.destroy();
		await().pollDelay(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(90))
			.ignoreExceptions()
			.until(() -> client.pods().inNamespace("kube-system").list() != null);
	}

}
