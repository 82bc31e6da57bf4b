package io.pxwizard.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.apply.ApplyPlan;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRunFixture;
import io.pxwizard.apply.InstallerAccess;
import io.pxwizard.catalog.TestCatalog;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.status.BoardListener.BoardFragment;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * The simulated cluster takes a node count: a px pod and a portworx-api pod per node,
 * Stork, its scheduler and CSI as three-replica Deployments, and a StorageNode per node.
 */
class LargeClusterBoardTests {

	@Test
	void aViewerJoiningMidRollOutGetsTheWholeBoardAndThenRowsFoldedAboveTwenty() throws InterruptedException {
		ManifestFixture fixture = new ManifestFixture();
		try (SimulatedCluster cluster = SimulatedCluster.start(Duration.ofMillis(50));
				KubernetesClient client = cluster.createClient()) {
			cluster.operator().withNodes(30);
			StatusBoard board = new StatusBoard("kube-system", client, TestTemplates.renderer(),
					TestCatalog.get().statusComponents())
				.start();
			List<BoardFragment> early = new CopyOnWriteArrayList<>();
			board.subscribe(early::add);
			try {
				InstallSpec spec = fixture.seed();
				ApplyRun run = ApplyRunFixture.newRun("2.8", Specs.SEED_QUERY, cluster.info());
				Thread apply = new Thread(() -> InstallerAccess.apply(
						new ClusterProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5),
								Duration.ofSeconds(30), Duration.ofSeconds(30)),
						run, client,
						new ApplyPlan(fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec)),
								fixture.manifests.clusterObjects(spec), "kube-system")));
				apply.start();
				// Mid roll-out: px pods exist, not all of them ready.
				await().atMost(Duration.ofSeconds(60)).until(() -> {
					BoardView.Group px = group(board.view(), Component.PORTWORX);
					return px.rows().size() > 20 && px.ready() < px.rows().size();
				});
				List<BoardFragment> joined = new CopyOnWriteArrayList<>();
				board.subscribe(joined::add);
				await().atMost(Duration.ofSeconds(10)).until(() -> joined.size() >= Component.values().length + 3);
				// The whole board at once: every piece of the page, before any patch.
				List<String> events = joined.stream().map(BoardFragment::event).toList();
				assertThat(events.subList(0, Component.values().length + 3))
					.containsExactlyInAnyOrder(Stream
						.concat(Stream.of(BoardRenderer.CONNECTION, BoardRenderer.SUMMARY, BoardRenderer.STORAGE_NODES),
								Stream.of(Component.values()).map(Component::eventName))
						.toArray(String[]::new));
				String px = joined.stream()
					.filter((f) -> f.event().equals(Component.PORTWORX.eventName()))
					.findFirst()
					.orElseThrow()
					.html();
				// Folded: the pods that are not ready first, the ready ones behind their
				// count.
				assertThat(px).contains("id=\"group-portworx-not-ready\"").contains("class=\"folded-rows\"");
				assertThat(px.indexOf("class=\"not-ready\"")).isLessThan(px.indexOf("id=\"group-portworx-ready\""));

				await().atMost(Duration.ofSeconds(60))
					.until(() -> board.view().complete() && board.view().storageNodes().size() == 30);
				apply.join(30_000);
				// Thirty StorageNodes: counted by phase in the summary, folded in their
				// own
				// table.
				assertThat(board.snapshot().get(BoardRenderer.SUMMARY)).contains("30 StorageNodes:")
					.contains("30 Online");
				assertThat(board.snapshot().get(BoardRenderer.STORAGE_NODES)).contains("id=\"node-node-30\"");
				// The early viewer saw rows and counters arrive as patches, not the
				// group again and again.
				long patches = early.stream().filter((f) -> f.event().equals(BoardRenderer.PATCH)).count();
				long wholeGroups = early.stream()
					.filter((f) -> f.event().equals(Component.PORTWORX.eventName()))
					.count();
				// (Changes that arrive while a render is pending share its patch.)
				assertThat(patches).isGreaterThanOrEqualTo(10);
				// Whole only as a new viewer, when the watch went live, when the group
				// appeared and when it folded.
				assertThat(wholeGroups).isLessThanOrEqualTo(4);
			}
			finally {
				board.close();
			}
		}
	}

	private static BoardView.Group group(BoardView view, Component component) {
		return view.groups().stream().filter((g) -> g.component() == component).findFirst().orElseThrow();
	}

	@Test
	void fiftyNodesComeOnlineWithAPortworxPodEach() {
		ManifestFixture fixture = new ManifestFixture();
		try (SimulatedCluster cluster = SimulatedCluster.start(Duration.ofMillis(50));
				KubernetesClient client = cluster.createClient()) {
			cluster.operator().withNodes(50);
			InstallSpec spec = fixture.seed();
			ApplyRun run = ApplyRunFixture.newRun("2.8", Specs.SEED_QUERY, cluster.info());
			InstallerAccess.apply(
					new ClusterProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30),
							Duration.ofSeconds(30)),
					run, client,
					new ApplyPlan(fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec)),
							fixture.manifests.clusterObjects(spec), "kube-system"));
			assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
			StatusBoard board = new StatusBoard("kube-system", client, new BoardRenderer(mock(ITemplateEngine.class)),
					TestCatalog.get().statusComponents())
				.start();
			try {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> board.view().complete() && board.view().storageNodes().size() == 50);
				BoardView view = board.view();
				assertThat(view.groups()).filteredOn((group) -> !group.rows().isEmpty())
					.extracting((group) -> group.component(), (group) -> group.rows().size())
					.containsExactly(org.assertj.core.groups.Tuple.tuple(Component.OPERATOR, 1),
							org.assertj.core.groups.Tuple.tuple(Component.PORTWORX, 50),
							org.assertj.core.groups.Tuple.tuple(Component.API, 50),
							org.assertj.core.groups.Tuple.tuple(Component.STORK, 3),
							org.assertj.core.groups.Tuple.tuple(Component.STORK_SCHEDULER, 3),
							org.assertj.core.groups.Tuple.tuple(Component.CSI, 3),
							org.assertj.core.groups.Tuple.tuple(Component.LIGHTHOUSE, 1),
							org.assertj.core.groups.Tuple.tuple(Component.AUTOPILOT, 1),
							org.assertj.core.groups.Tuple.tuple(Component.PROMETHEUS_OPERATOR, 1),
							org.assertj.core.groups.Tuple.tuple(Component.PROMETHEUS, 1));
				assertThat(view.podsTotal()).isEqualTo(114);
			}
			finally {
				board.close();
			}
		}
	}

}
