package io.pxwizard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pxwizard.simulation.SimulatedApiServer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status board at the size of real clusters: a px pod and a portworx-api pod per node, a hundred SSE viewers, and
 * a roll-out in which pods stop and start being ready one at a time. Per node count: bytes per pod change per viewer,
 * bytes per viewer while nothing changes, the board thread's CPU per change, change-to-viewer latency against a bare
 * fabric8 watch on the same API server, heap, and the watches the API server saw. With {@code chromium}, the time a
 * headless Chromium takes to apply one pushed change to the largest board, and the page's memory.
 *
 * <p>Usage: {@code bench/run-java.sh LargeBoardBench [nodes,nodes,…] [viewers] [changes] [idle seconds] [chromium]}
 */
public final class LargeBoardBench {

	private static final String NS = "kube-system";

	private static final int WARMUP = 300;

	public static void main(String[] args) throws Exception {
		String[] sizes = ((args.length > 0) ? args[0] : "100,500,1000").split(",");
		int viewers = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		int changes = (args.length > 2) ? Integer.parseInt(args[2]) : 300;
		int idleSeconds = (args.length > 3) ? Integer.parseInt(args[3]) : 60;
		boolean chromium = args.length > 4 && args[4].equals("chromium");
		System.out.println("nodes | pods | bytes/change/viewer | idle bytes/viewer/min | board CPU/change | latency p50 / p99"
				+ " | bare watch p50 / p99 | heap live / peak | watches");
		for (String size : sizes) {
			run(Integer.parseInt(size.trim()), viewers, changes, idleSeconds, chromium && size.equals(sizes[sizes.length - 1]));
		}
		System.exit(0);
	}

	private static void run(int nodes, int viewers, int changes, int idleSeconds, boolean chromium) throws Exception {
		try (SimulatedApiServer server = new SimulatedApiServer().start();
				KubernetesClient writer = server.createClient();
				KubernetesClient watcher = server.createClient();
				BenchApp app = new BenchApp(server)) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				names.add(Pods.create(writer, NS, "px-cluster-%04d".formatted(i), "portworx").getMetadata().getName());
				Pods.create(writer, NS, "portworx-api-%04d".formatted(i), "portworx-api");
			}
			Map<Integer, Long> bareSeen = new ConcurrentHashMap<>();
			Watch watch = watcher.pods().inNamespace(NS).watch(new Watcher<>() {
				@Override
				public void eventReceived(Action action, Pod pod) {
					bareSeen.putIfAbsent(pod.getStatus().getContainerStatuses().get(0).getRestartCount(), System.nanoTime());
				}

				@Override
				public void onClose(WatcherException cause) {
				}
			});
			List<String> markers = new ArrayList<>();
			for (int i = 0; i < WARMUP + changes; i++) {
				markers.add("<td>" + marker(i) + "</td>");
			}
			HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
			List<SseClient> streams = new ArrayList<>();
			for (int i = 0; i < viewers; i++) {
				streams.add(SseClient.open(http, app.url("/status/stream?ns=" + NS), (i == 0) ? markers : List.of()));
			}
			while (streams.stream().anyMatch((s) -> !s.started())) {
				Thread.sleep(50);
			}
			Thread.sleep(2000);
			ChromiumProbe probe = chromium ? ChromiumProbe.open(app.url("/status?ns=" + NS)) : null;
			Thread board = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((t) -> t.getName().equals("status-board-" + NS))
				.findFirst()
				.orElseThrow();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long peakHeap = 0;
			Stats bare = new Stats();
			Stats status = new Stats();
			long bytesBefore = 0;
			long cpuBefore = 0;
			SseClient first = streams.get(0);
			for (int i = 0; i < WARMUP + changes; i++) {
				if (i == WARMUP) {
					bytesBefore = streams.stream().mapToLong(SseClient::bytes).sum();
					cpuBefore = threads.getThreadCpuTime(board.getId());
				}
				String name = names.get((int) ((i * 7919L) % nodes));
				long start = System.nanoTime();
				// A roll-out: a px pod stops being ready, or becomes ready again.
				change(writer, name, marker(i), i % 2 == 1);
				long deadline = System.currentTimeMillis() + 5000;
				while ((bareSeen.get(marker(i)) == null || first.seen(markers.get(i)) == null)
						&& System.currentTimeMillis() < deadline) {
					LockSupport.parkNanos(100_000);
				}
				if (i >= WARMUP && bareSeen.get(marker(i)) != null && first.seen(markers.get(i)) != null) {
					bare.add((bareSeen.get(marker(i)) - start) / 1000);
					status.add((first.seen(markers.get(i)) - start) / 1000);
				}
				peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				// Every viewer has it before the next change: bytes are counted per change.
				long settle = System.currentTimeMillis() + 2000;
				while (System.currentTimeMillis() < settle && streams.get(viewers - 1).bytes() < first.bytes() - 4096) {
					LockSupport.parkNanos(100_000);
				}
				Thread.sleep(10);
			}
			Thread.sleep(500);
			long cpu = threads.getThreadCpuTime(board.getId()) - cpuBefore;
			long bytes = streams.stream().mapToLong(SseClient::bytes).sum() - bytesBefore;
			System.gc();
			long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			String browser = (probe != null) ? probe.measure(writer, names, 50) : null;
			long idleBefore = streams.stream().mapToLong(SseClient::bytes).sum();
			Thread.sleep(idleSeconds * 1000L);
			long idle = streams.stream().mapToLong(SseClient::bytes).sum() - idleBefore;
			long watches = server.dispatcher().requests().stream().filter((r) -> r.contains("watch=true")).count()
					- 1; // the bench's own bare watch
			watch.close();
			System.out.printf("%d | %d | %.0f B | %.0f B | %.0f µs | %.2f / %.2f ms | %.2f / %.2f ms | %d / %d MB | %d%n",
					nodes, 2 * nodes, bytes / (double) changes / viewers, idle * 60.0 / idleSeconds / viewers,
					cpu / 1000.0 / changes, status.percentileMillis(50), status.percentileMillis(99),
					bare.percentileMillis(50), bare.percentileMillis(99), live >> 20, peakHeap >> 20, watches);
			if (browser != null) {
				System.out.println(browser);
				probe.close();
			}
		}
	}

	private static int marker(int i) {
		return 10_000 + i;
	}

	/** Sets a pod ready (Running) or not (ContainerCreating), with a restart count to look for: one update. */
	static void change(KubernetesClient client, String name, int restarts, boolean ready) {
		Pod pod = client.pods().inNamespace(NS).withName(name).get();
		ContainerState state = ready ? new ContainerStateBuilder().withNewRunning().endRunning().build()
				: new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating").endWaiting().build();
		client.pods()
			.inNamespace(NS)
			.resource(new PodBuilder(pod).editStatus()
				.withPhase(ready ? "Running" : "Pending")
				.editFirstContainerStatus()
				.withReady(ready)
				.withRestartCount(restarts)
				.withState(state)
				.endContainerStatus()
				.endStatus()
				.build())
			.update();
	}

	/** Headless Chromium on the status page: how long the browser takes to apply one pushed change. */
	static final class ChromiumProbe implements AutoCloseable {

		private final ChromeDriver driver;

		private ChromiumProbe(ChromeDriver driver) {
			this.driver = driver;
		}

		static ChromiumProbe open(String url) throws InterruptedException {
			ChromeOptions options = new ChromeOptions();
			options.setBinary("/usr/bin/chromium");
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
					"--enable-precise-memory-info");
			ChromeDriver driver = new ChromeDriver(
					new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
						.build(),
					options);
			driver.get(url);
			Thread.sleep(3000);
			// The time from a pushed message's arrival to the end of its swap, and the layout and paint that
			// follow in the same frame (the next animation frame's start).
			driver.executeScript("window.updates = []; document.body.addEventListener('htmx:sseBeforeMessage',"
					+ " function () { window.start = performance.now(); });"
					+ " document.body.addEventListener('htmx:sseMessage', function () {"
					+ " var swapped = performance.now(); var start = window.start;"
					+ " requestAnimationFrame(function () { window.updates.push([swapped - start,"
					+ " performance.now() - start]); }); });");
			return new ChromiumProbe(driver);
		}

		@SuppressWarnings("unchecked")
		String measure(KubernetesClient writer, List<String> names, int count) throws InterruptedException {
			for (int i = 0; i < count; i++) {
				change(writer, names.get((i * 31) % names.size()), 50_000 + i, i % 2 == 1);
				Thread.sleep(150);
			}
			Thread.sleep(1000);
			List<List<Number>> updates = (List<List<Number>>) driver.executeScript("return window.updates;");
			Stats swap = new Stats();
			Stats frame = new Stats();
			for (List<Number> update : updates) {
				swap.add((long) (update.get(0).doubleValue() * 1000));
				frame.add((long) (update.get(1).doubleValue() * 1000));
			}
			Number heap = (Number) driver.executeScript("return performance.memory.usedJSHeapSize;");
			Number nodes = (Number) driver.executeScript("return document.getElementsByTagName('*').length;");
			return String.format("chromium, %d pushed messages: swap p50 %.2f ms p99 %.2f ms; to the next frame p50 %.2f ms"
					+ " p99 %.2f ms; JS heap %d MB; %d DOM elements", updates.size(), swap.percentileMillis(50),
					swap.percentileMillis(99), frame.percentileMillis(50), frame.percentileMillis(99),
					heap.longValue() >> 20, nodes.longValue());
		}

		@Override
		public void close() {
			driver.quit();
		}

	}

}
