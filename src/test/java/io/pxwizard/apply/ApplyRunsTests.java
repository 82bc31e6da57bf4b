package io.pxwizard.apply;

import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.apply.ApplyRuns.Start;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApplyRunsTests {

	private final ManifestFixture fixture = new ManifestFixture();

	private final ClusterProperties properties = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30));

	private SimulatedCluster cluster;

	private KubernetesClient client;

	private ClusterConnection connection;

	private ApplyRuns runs;

	@BeforeEach
	void startCluster() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
		connection = new ClusterConnection(properties);
		connection.use(client, cluster.info());
		ManifestSource source = new ManifestSource(fixture.catalog, fixture.specQuery, fixture.manifests, properties);
		runs = new ApplyRuns(connection, source, new Installer(properties),
				new StaticListableBeanFactory().getBeanProvider(ApplyRunListener.class));
	}

	@AfterEach
	void stopCluster() {
		runs.destroy();
		client.close();
		cluster.close();
	}

	@Test
	void onlyOneApplyRunsOnAClusterAtATime() {
		cluster.operator().pause(true);
		Start first = startApply();
		assertThat(first).isInstanceOf(Start.Started.class);
		ApplyRun running = ((Start.Started) first).run();
		await().until(() -> running.lines().stream().anyMatch((line) -> line.status() == ApplyLine.Status.WAITING));

		Start second = startApply();
		assertThat(second).isInstanceOf(Start.Busy.class);
		assertThat(((Start.Busy) second).running()).isSameAs(running);

		cluster.operator().pause(false);
		await().atMost(Duration.ofSeconds(20)).until(() -> !running.isRunning());
		assertThat(running.state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(startApply()).isInstanceOf(Start.Started.class);
	}

	@Test
	void withoutAClusterNothingStarts() {
		connection.disconnect();
		assertThat(startApply()).isInstanceOf(Start.NoCluster.class);
	}

	private Start startApply() {
		return runs.start(fixture.seed(), Specs.seedParameters(), Specs.SEED_QUERY, "/spec/2.8?" + Specs.SEED_QUERY,
				"kube-system", false, true);
	}

}
