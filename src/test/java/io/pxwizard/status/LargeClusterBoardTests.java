package io.pxwizard.status;

import java.time.Duration;

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
