package io.pxwizard.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.history.ApplyHistoryRepository;
import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRuns;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import io.pxwizard.model.Specs;
import io.pxwizard.status.BoardView.PodRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live status board on the simulated cluster after an apply: the seed's pods come up,
 * problems show their reason, changes reach every open stream from one watch per kind,
 * and an API server outage is survived.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=50ms" })
@Import(SimulatedClusterConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusIntegrationTests {

	private static final String NS = "kube-system";

	@LocalServerPort
	private int port;

	@Autowired
	private SimulatedCluster cluster;

	@Autowired
	private ApplyRuns runs;

	@Autowired
	private StatusBoards boards;

	private KubernetesClient client;

	@BeforeAll
	void install() {
		client = cluster.createClient();
		ManifestFixture fixture = new ManifestFixture();
		ApplyRuns.Start start = runs.start(fixture.seed(), Specs.seedParameters(), Specs.SEED_QUERY,
				"/spec/2.8?" + Specs.SEED_QUERY, NS, false, true);
		ApplyRun run = ((ApplyRuns.Start.Started) start).run();
		await().atMost(Duration.ofSeconds(30)).until(() -> !run.isRunning());
		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
	}

	@AfterAll
	void closeClient() {
		// The board's watches are closed here, while this class owns its cluster:
		// fabric8's mock server can hold a
		// vert.x event loop for up to a minute when a watch closes mid-send
		// (WatchEventsListener.onClosed awaits its
		// executor), which timed out the next test class's requests. Wait until the
		// server answers again.
		boards.board(NS).ifPresent(StatusBoard::close);
		await().pollDelay(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(90))
			.ignoreExceptions()
			.until(() -> client.pods().inNamespace(NS).list() != null);
		client.close();
	}

	@Test
	void boardReachesEverySeedPodRunningAndInstallComplete() {
		StatusBoard board = boards.board(NS).orElseThrow();
		// The simulated operator turns the cluster Online, then creates the StorageNodes:
		// wait for both.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> board.view().complete() && board.view().storageNodes().size() == 3);
		BoardView view = board.view();
		assertThat(view.podsTotal()).isEqualTo(20);
		assertThat(view.groups()).extracting((group) -> group.component(), (group) -> group.rows().size())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Component.OPERATOR, 1),
					org.assertj.core.groups.Tuple.tuple(Component.PORTWORX, 3),
					org.assertj.core.groups.Tuple.tuple(Component.API, 3),
					org.assertj.core.groups.Tuple.tuple(Component.STORK, 3),
					org.assertj.core.groups.Tuple.tuple(Component.STORK_SCHEDULER, 3),
					org.assertj.core.groups.Tuple.tuple(Component.CSI, 3),
					org.assertj.core.groups.Tuple.tuple(Component.LIGHTHOUSE, 1),
					org.assertj.core.groups.Tuple.tuple(Component.AUTOPILOT, 1),
					org.assertj.core.groups.Tuple.tuple(Component.PROMETHEUS_OPERATOR, 1),
					org.assertj.core.groups.Tuple.tuple(Component.PROMETHEUS, 1),
					org.assertj.core.groups.Tuple.tuple(Component.NODE_WIPER, 0));
		assertThat(rows(view)).allSatisfy((row) -> assertThat(row.status()).isEqualTo("Running"));
		assertThat(rows(view)).filteredOn((row) -> row.name().startsWith("px-cluster-"))
			.extracting(PodRow::ready)
			.containsOnly("3/3");
		assertThat(view.storageCluster().name()).isEqualTo(Specs.CLUSTER_NAME);
		assertThat(view.storageCluster().phase()).isEqualTo("Online");
		assertThat(view.storageNodes()).hasSize(3);
		assertThat(view.connection()).isEqualTo(BoardView.Connection.LIVE);
	}

	@Test
	void anIdleBoardSendsNothingAsTimePassesTheBrowserAgesTheRows() throws Exception {
		StatusBoard board = boards.board(NS).orElseThrow();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> board.view().complete() && board.view().storageNodes().size() == 3);
		java.util.List<BoardListener.BoardFragment> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
		BoardListener listener = sent::add;
		board.subscribe(listener);
		try {
			board.tickNow();
			assertThat(sent).extracting(BoardListener.BoardFragment::event).contains("summary", "group-portworx");
			sent.clear();
			// Ten seconds of a board where nothing changes: before, every group was sent
			// again every five.
			for (int i = 0; i < 10; i++) {
				board.tickNow();
			}
			assertThat(sent).isEmpty();
			assertThat(rows(board.view())).allSatisfy((row) -> assertThat(row.created()).isNotNull());
		}
		finally {
			board.unsubscribe(listener);
		}
	}

	@Test
	void aPageAtTheBoardsRevisionIsNotSentTheWholeBoardAgainAStaleOneIs() throws Exception {
		StatusBoard board = boards.board(NS).orElseThrow();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> board.view().complete() && board.view().storageNodes().size() == 3);
		StatusBoard.PageView page = board.awaitPage(Duration.ofSeconds(10));
		assertThat(page.revision()).isNotBlank();
		List<BoardListener.BoardFragment> current = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<BoardListener.BoardFragment> stale = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<BoardListener.BoardFragment> unknown = new java.util.concurrent.CopyOnWriteArrayList<>();
		BoardListener atRevision = current::add;
		BoardListener behind = stale::add;
		BoardListener fresh = unknown::add;
		board.subscribe(atRevision, page.revision());
		board.subscribe(behind, page.revision().replaceFirst("-\\d+$", "-0"));
		board.subscribe(fresh, null);
		try {
			board.tickNow();
			assertThat(current).isEmpty();
			assertThat(stale).extracting(BoardListener.BoardFragment::event)
				.contains(BoardRenderer.SUMMARY, Component.PORTWORX.eventName());
			assertThat(unknown).extracting(BoardListener.BoardFragment::event)
				.contains(BoardRenderer.SUMMARY, Component.PORTWORX.eventName());
		}
		finally {
			board.unsubscribe(atRevision);
			board.unsubscribe(behind);
			board.unsubscribe(fresh);
		}
	}

	@Test
	void aPodChangeSendsThatRowAndItsCountersNotItsGroup() throws Exception {
		StatusBoard board = boards.board(NS).orElseThrow();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> board.view().complete() && board.view().storageNodes().size() == 3);
		List<BoardListener.BoardFragment> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
		BoardListener listener = sent::add;
		board.subscribe(listener);
		try {
			// A new viewer gets the whole board first.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> sent.stream().anyMatch((f) -> f.event().equals(Component.PORTWORX.eventName())));
			board.tickNow();
			sent.clear();
			Pod px = pod("px-cluster-");
			String name = px.getMetadata().getName();
			client.pods()
				.inNamespace(NS)
				.resource(new PodBuilder(px).editStatus()
					.editFirstContainerStatus()
					.withRestartCount(9)
					.endContainerStatus()
					.endStatus()
					.build())
				.update();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> sent.stream().anyMatch((f) -> f.html().contains("<td>9</td>")));
			assertThat(sent).extracting(BoardListener.BoardFragment::event).containsOnly(BoardRenderer.PATCH);
			String patch = sent.stream()
				.filter((f) -> f.html().contains("<td>9</td>"))
				.findFirst()
				.orElseThrow()
				.html();
			// That pod's tbody replaced where it is, and its group's counters; no other
			// row.
			assertThat(patch).containsPattern("<tbody id=\"pod-" + name + "\"[^>]* hx-swap-oob=\"true\"")
				.containsPattern("id=\"group-portworx-head\"[^>]* hx-swap-oob=\"true\"");
			assertThat(patch.split("id=\"pod-", -1)).hasSize(2);
			assertThat(patch).doesNotContain("<thead");
		}
		finally {
			board.unsubscribe(listener);
		}
	}

	@Test
	void thePageSaysWhichPortworxRunsOnTheCluster() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains(">Portworx 2.8.1.5, operator 1.5.2 on this cluster</p>");
	}

	@Test
	void theApplyIsInTheHistory(@Autowired ApplyHistoryRepository history) throws Exception {
		await().untilAsserted(() -> assertThat(history.ofSpec("2.8", Specs.SEED_QUERY)).anySatisfy((record) -> {
			assertThat(record.succeeded()).isTrue();
			assertThat(record.clusterContext()).isEqualTo("simulated");
			assertThat(record.lines()).extracting(ApplyLine::object).contains("secret/px-essential");
		}));
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/history")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("succeeded", "secret/px-essential", "serverside-applied");
	}

	@Test
	void podInImagePullBackOffShowsItsReasonAndEvent() {
		// Not "stork-": stork-scheduler-… pods start with it too, and belong to another
		// group.
		Pod stork = pod("stork-687ddb787d-");
		String name = stork.getMetadata().getName();
		try {
			showsItsReasonAndEvent(stork, name);
		}
		finally {
			// The simulated operator brings a new one up Running, as Kubernetes would.
			client.pods().inNamespace(NS).withName(name).delete();
		}
	}

	private void showsItsReasonAndEvent(Pod stork, String name) {
		client.pods()
			.inNamespace(NS)
			.resource(new PodBuilder(stork).editMetadata()
				.addToAnnotations("simulation/hold", "true")
				.endMetadata()
				.editStatus()
				.withPhase("Pending")
				.editFirstContainerStatus()
				.withReady(false)
				.withNewState()
				.withNewWaiting()
				.withReason("ImagePullBackOff")
				.withMessage("Back-off pulling image \"openstorage/stork:2.6.2\"")
				.endWaiting()
				.endState()
				.endContainerStatus()
				.endStatus()
				.build())
			.update();
		client.v1()
			.events()
			.inNamespace(NS)
			.resource(new EventBuilder().withNewMetadata()
				.withName(name + ".pull")
				.withNamespace(NS)
				.endMetadata()
				.withNewInvolvedObject()
				.withKind("Pod")
				.withName(name)
				.withNamespace(NS)
				.endInvolvedObject()
				.withType("Warning")
				.withReason("Failed")
				.withMessage("Failed to pull image \"openstorage/stork:2.6.2\": not found")
				.withLastTimestamp(Instant.now().toString())
				.build())
			.create();
		StatusBoard board = boards.board(NS).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			PodRow row = row(board.view(), name);
			assertThat(row.status()).isEqualTo("ImagePullBackOff");
			assertThat(row.why()).contains("Back-off pulling image");
			assertThat(row.events()).singleElement().asString().startsWith("Warning Failed (").contains("not found");
		});
		assertThat(board.view().complete()).isFalse();
		// The pushed fragment is rendered by the board's own thread, just after the view
		// changes.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(board.snapshot().get(Component.STORK.eventName()))
				.contains("ImagePullBackOff", "Failed to pull image"));
	}

	@Test
	void deletedPodDisappears() {
		String name = pod("autopilot-").getMetadata().getName();
		cluster.operator().pause(true);
		try {
			client.pods().inNamespace(NS).withName(name).delete();
			StatusBoard board = boards.board(NS).orElseThrow();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> rows(board.view()).stream().noneMatch((row) -> row.name().equals(name)));
		}
		finally {
			cluster.operator().pause(false);
		}
	}

	@Test
	void fiftyStreamsAllGetAChangeFromOneWatchPerKind() throws Exception {
		StatusBoard shared = boards.board(NS).orElseThrow();
		// The board's own watches are all open (they are sent just after each informer's
		// first list).
		// (An earlier board's watches may be in the server's log too: this board's own
		// are
		// awaited.)
		await().atMost(Duration.ofSeconds(30)).until(shared::watchesEveryKind);
		long watchesBefore = watchRequests().size();
		HttpClient http = HttpClient.newHttpClient();
		List<ConcurrentLinkedQueue<String>> received = new ArrayList<>();
		List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
			received.add(lines);
			streams.add(http
				.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status/stream?ns=" + NS))
					.header("Accept", "text/event-stream")
					.build(), HttpResponse.BodyHandlers.ofLines())
				.thenApply((response) -> {
					CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
					return response;
				}));
		}
		// Each stream starts with the whole board.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> received.stream()
				.allMatch((lines) -> lines.contains("event:" + Component.PORTWORX.eventName())));

		Pod api = pod("portworx-api-");
		client.pods()
			.inNamespace(NS)
			.resource(new PodBuilder(api).editStatus()
				.editFirstContainerStatus()
				.withRestartCount(7)
				.endContainerStatus()
				.endStatus()
				.build())
			.update();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> received.stream()
				.allMatch((lines) -> lines.stream().anyMatch((line) -> line.contains("<td>7</td>"))));

		// The board watches each kind; fifty viewers added no watch of their own.
		List<String> watches = watchRequests();
		assertThat(watches).hasSize((int) watchesBefore);
		assertThat(watches).anyMatch((r) -> r.startsWith("GET /api/v1/namespaces/" + NS + "/pods?"))
			.anyMatch((r) -> r.startsWith("GET /api/v1/namespaces/" + NS + "/events?"))
			.anyMatch((r) -> r.contains("/namespaces/" + NS + "/storageclusters?"))
			.anyMatch((r) -> r.contains("/namespaces/" + NS + "/storagenodes?"));
		streams.forEach((stream) -> stream.thenAccept((response) -> response.body().close()));
	}

	@Test
	void apiServerOutageShowsReconnectingThenTheTrueState() throws IOException {
		StatusBoard board = boards.board(NS).orElseThrow();
		await().until(() -> board.view().connection() == BoardView.Connection.LIVE);
		Pod lighthouse = pod("px-lighthouse-");
		cluster.operator().pause(true);
		cluster.server().stop();
		try {
			reconnectsAndShowsTheTrueState(board, lighthouse);
		}
		finally {
			cluster.server().restartIfStopped();
			cluster.operator().pause(false);
		}
	}

	private void reconnectsAndShowsTheTrueState(StatusBoard board, Pod lighthouse) throws IOException {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> board.view().connection() == BoardView.Connection.RECONNECTING);
		assertThat(board.snapshot().get(BoardRenderer.CONNECTION)).contains("Reconnecting to the cluster");
		// The last known state stays on the page meanwhile.
		assertThat(board.view().podsTotal()).isGreaterThan(0);

		cluster.server().restartIfStopped();
		client.pods()
			.inNamespace(NS)
			.resource(new PodBuilder(lighthouse).editStatus()
				.editFirstContainerStatus()
				.withRestartCount(3)
				.endContainerStatus()
				.endStatus()
				.build())
			.update();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(board.view().connection()).isEqualTo(BoardView.Connection.LIVE);
			assertThat(row(board.view(), lighthouse.getMetadata().getName()).restarts()).isEqualTo(3);
		});
	}

	private List<String> watchRequests() {
		return cluster.server().dispatcher().requests().stream().filter((r) -> r.contains("watch=true")).toList();
	}

	@Test
	void aClusterSwitchEndsEveryStreamInWordsAndTheNextStreamIsTheNewClusters(@Autowired ClusterConnection connection,
			@Autowired KubernetesClient simulatedClusterClient) throws Exception {
		boards.board(NS).orElseThrow();
		HttpClient http = HttpClient.newHttpClient();
		ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
		CompletableFuture<Void> ended = http
			.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status/stream?ns=" + NS))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines())
			.thenAccept((response) -> response.body().forEach(lines::add));
		await().atMost(Duration.ofSeconds(20)).until(() -> lines.contains("event:" + BoardRenderer.SUMMARY));
		SimulatedCluster other = SimulatedCluster.start(Duration.ofMillis(50));
		try (KubernetesClient otherClient = other.createClient()) {
			connection.use(otherClient, other.info());
			// The stream says why, then ends: the browser reconnects instead of waiting
			// an hour on a closed board.
			ended.get(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(lines).contains("event:" + BoardRenderer.CLUSTER)
				.anyMatch((line) -> line.contains("The cluster connection changed")
						&& line.contains(other.info().server()));
			StatusBoard next = boards.board(NS).orElseThrow();
			assertThat(next.client()).isSameAs(otherClient);
			await().atMost(Duration.ofSeconds(10)).until(() -> next.view().connection() == BoardView.Connection.LIVE);
			assertThat(next.view().podsTotal()).isZero();
		}
		finally {
			connection.use(simulatedClusterClient, cluster.info());
			other.close();
		}
	}

	/**
	 * A Running pod of the component: another test may have just replaced the one that
	 * was there.
	 */
	private Pod pod(String prefix) {
		return await().atMost(Duration.ofSeconds(20))
			.alias(prefix)
			.until(() -> client.pods()
				.inNamespace(NS)
				.list()
				.getItems()
				.stream()
				.filter((pod) -> pod.getMetadata().getName().startsWith(prefix))
				.filter((pod) -> "Running".equals(pod.getStatus().getPhase())
						&& pod.getStatus().getContainerStatuses() != null
						&& !pod.getStatus().getContainerStatuses().isEmpty())
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
	}

	private String podStates() {
		return client.pods()
			.inNamespace(NS)
			.list()
			.getItems()
			.stream()
			.map((p) -> p.getMetadata().getName() + "=" + p.getStatus().getPhase())
			.toList()
			.toString();
	}

	private static List<PodRow> rows(BoardView view) {
		return view.groups().stream().flatMap((group) -> group.rows().stream()).toList();
	}

	private static PodRow row(BoardView view, String name) {
		return rows(view).stream().filter((row) -> row.name().equals(name)).findFirst().orElseThrow();
	}

}
