package io.pxwizard.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pxwizard.simulation.SimulatedApiServer;

/**
 * Time from a pod change written to the API server to the change on a status-page SSE stream, against a bare fabric8
 * watch on the same server (the limit).
 */
public final class StatusLatencyBench {

	private static final String NS = "kube-system";

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 300;
		// The first changes warm the JIT on both paths; they are not counted.
		int warmup = 200;
		rounds += warmup;
		try (SimulatedApiServer server = new SimulatedApiServer().start();
				KubernetesClient writer = server.createClient();
				KubernetesClient watcher = server.createClient();
				BenchApp app = new BenchApp(server)) {
			for (int i = 0; i < 10; i++) {
				Pods.create(writer, NS, "portworx-api-" + i, "portworx-api");
			}
			Map<Integer, Long> bareSeen = new ConcurrentHashMap<>();
			Watch watch = watcher.pods().inNamespace(NS).watch(new Watcher<>() {
				@Override
				public void eventReceived(Action action, Pod pod) {
					long now = System.nanoTime();
					int restarts = pod.getStatus().getContainerStatuses().get(0).getRestartCount();
					bareSeen.putIfAbsent(restarts, now);
				}

				@Override
				public void onClose(WatcherException cause) {
				}
			});
			List<String> markers = new ArrayList<>();
			for (int i = 0; i < rounds; i++) {
				markers.add("<td>" + (10_000 + i) + "</td>");
			}
			SseClient sse = SseClient.open(HttpClient.newHttpClient(), app.url("/status/stream?ns=" + NS), markers);
			while (!sse.started()) {
				Thread.sleep(50);
			}
			Thread.sleep(1000);
			Stats bare = new Stats();
			Stats status = new Stats();
			for (int i = 0; i < rounds; i++) {
				int value = 10_000 + i;
				long start = System.nanoTime();
				Pods.restarts(writer, NS, "portworx-api-" + (i % 10), value);
				long deadline = System.currentTimeMillis() + 5000;
				while ((bareSeen.get(value) == null || sse.seen(markers.get(i)) == null)
						&& System.currentTimeMillis() < deadline) {
					// Park briefly rather than spin: a spinning core would be taken from the server on this 2-core machine.
					java.util.concurrent.locks.LockSupport.parkNanos(100_000);
				}
				if (i >= warmup && bareSeen.get(value) != null && sse.seen(markers.get(i)) != null) {
					bare.add((bareSeen.get(value) - start) / 1000);
					status.add((sse.seen(markers.get(i)) - start) / 1000);
				}
				Thread.sleep(10);
			}
			watch.close();
			System.out.printf("status latency over %d changes (ms): status page p50 %.2f p99 %.2f | bare watch p50 %.2f p99 %.2f"
					+ " | difference p50 %.2f p99 %.2f%n", status.count(), status.percentileMillis(50),
					status.percentileMillis(99), bare.percentileMillis(50), bare.percentileMillis(99),
					status.percentileMillis(50) - bare.percentileMillis(50),
					status.percentileMillis(99) - bare.percentileMillis(99));
		}
		System.exit(0);
	}

}
