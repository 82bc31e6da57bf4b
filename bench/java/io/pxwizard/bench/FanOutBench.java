package io.pxwizard.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.simulation.SimulatedApiServer;

/**
 * 1,000 SSE clients on one status page while a 100-node cluster comes up (500 pod changes): how long after the last
 * change every client has the final state, the heap, and the watches the API server saw.
 */
public final class FanOutBench {

	private static final String NS = "kube-system";

	public static void main(String[] args) throws Exception {
		int clients = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int nodes = 100;
		try (SimulatedApiServer server = new SimulatedApiServer().start();
				KubernetesClient writer = server.createClient();
				BenchApp app = new BenchApp(server)) {
			String marker = "<td>4242</td>";
			HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
			List<SseClient> streams = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				streams.add(SseClient.open(http, app.url("/status/stream?ns=" + NS), List.of(marker)));
			}
			while (streams.stream().anyMatch((s) -> !s.started())) {
				Thread.sleep(100);
			}
			AtomicLong peakHeap = new AtomicLong();
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampler.start();
			long burstStart = System.nanoTime();
			for (int i = 0; i < nodes; i++) {
				Pods.create(writer, NS, "px-cluster-bench-" + i, "portworx");
			}
			int changes = nodes;
			for (int round = 1; round <= 4; round++) {
				for (int i = 0; i < nodes; i++) {
					int value = (round == 4 && i == nodes - 1) ? 4242 : round;
					Pods.restarts(writer, NS, "px-cluster-bench-" + i, value);
					changes++;
				}
			}
			long lastChange = System.nanoTime();
			long deadline = System.currentTimeMillis() + 30_000;
			while (streams.stream().anyMatch((s) -> s.seen(marker) == null) && System.currentTimeMillis() < deadline) {
				Thread.sleep(5);
			}
			long allSeen = streams.stream().mapToLong((s) -> (s.seen(marker) == null) ? Long.MAX_VALUE : s.seen(marker)).max().orElseThrow();
			sampler.interrupt();
			long watches = server.dispatcher().requests().stream().filter((r) -> r.contains("watch=true")).count();
			System.out.printf("fan-out: %d clients, %d pod changes written in %.0f ms; every client had the final state %.0f ms"
					+ " after the last change; peak heap (server and clients, one JVM) %d MB; watches seen by the API server: %d%n",
					clients, changes, (lastChange - burstStart) / 1e6,
					(allSeen == Long.MAX_VALUE) ? Double.NaN : (allSeen - lastChange) / 1e6, peakHeap.get() >> 20, watches);
			server.dispatcher().requests().stream().filter((r) -> r.contains("watch=true")).forEach((r) -> System.out.println("  watch: " + r));
		}
		System.exit(0);
	}

}
