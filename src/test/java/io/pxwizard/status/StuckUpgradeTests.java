package io.pxwizard.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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
import io.pxwizard.status.BoardView.PodRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * An upgrade whose new Portworx image the nodes cannot pull: the operator's roll stops at
 * the first node, and the board names that pod with its reason while the other nodes go
 * on running the old release.
 */
class StuckUpgradeTests {

	private static final ClusterProperties FAST = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20));

	private final ManifestFixture fixture = new ManifestFixture();

	private SimulatedCluster cluster;

	private KubernetesClient client;

	private StatusBoard board;

	@BeforeEach
	void installTwoPointEight() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
		ApplyRun install = apply(fixture.seed());
		assertThat(install.state()).as(install.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		board = new StatusBoard("kube-system", client, new BoardRenderer(mock(ITemplateEngine.class)),
				TestCatalog.get().statusComponents())
			.start();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> board.view().complete() && board.view().storageNodes().size() == 3);
	}

	@AfterEach
	void stop() {
		board.close();
		client.close();
		cluster.close();
	}

	@Test
	void aNewImageTheNodesCannotPullStopsTheRollAtOneNodeAndTheBoardSaysWhy() {
		String newImage = "portworx/oci-monitor:" + fixture.catalog.release("2.12").orElseThrow().imageVersion();
		String newOperator = "portworx/px-operator:" + fixture.catalog.release("2.12").orElseThrow().operatorVersion();
		// The operator's new image was mirrored, Portworx's was forgotten.
		cluster.registry().airGapped(Set.of(newOperator, "portworx/oci-monitor:2.8.1.5"));

		ApplyRun upgrade = apply(fixture.spec("2.12", Specs.seedParameters()));
		assertThat(upgrade.state()).as(upgrade.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			BoardView view = board.view();
			List<PodRow> portworx = view.groups()
				.stream()
				.filter((group) -> group.component() == Component.PORTWORX)
				.findFirst()
				.orElseThrow()
				.rows();
			assertThat(portworx).hasSize(3);
			assertThat(portworx).filteredOn((row) -> !row.isReady()).singleElement().satisfies((row) -> {
				assertThat(row.status()).isEqualTo("ImagePullBackOff");
				assertThat(row.name()).startsWith(Specs.CLUSTER_NAME + "-");
			});
			assertThat(view.upgrading()).isTrue();
			assertThat(view.complete()).isFalse();
			assertThat(view.nodesAtClusterVersion()).isZero();
		});
		// The roll waits for the stuck node: the other two keep the old release.
		assertThat(client.pods().inNamespace("kube-system").withLabel("name", "portworx").list().getItems())
			.extracting((pod) -> pod.getSpec().getContainers().get(0).getImage())
			.containsExactlyInAnyOrder(newImage, "portworx/oci-monitor:2.8.1.5", "portworx/oci-monitor:2.8.1.5");
	}

	private ApplyRun apply(InstallSpec spec) {
		ApplyRun run = ApplyRunFixture.newRun(spec.version(), Specs.SEED_QUERY, cluster.info());
		InstallerAccess.apply(FAST, run, client,
				new ApplyPlan(fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec)),
						fixture.manifests.clusterObjects(spec), "kube-system"));
		return run;
	}

}
