package io.pxwizard.apply;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterLease;
import io.pxwizard.cluster.LeaseProperties;
import io.pxwizard.cluster.ClusterConnection.ClusterChanged;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import io.pxwizard.cluster.ClusterInfo;
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

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startCluster() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
		connection = new ClusterConnection(properties, events::add);
		connection.use(client, cluster.info());
		ManifestSource source = new ManifestSource(fixture.catalog, fixture.specQuery, fixture.manifests, properties);
		runs = new ApplyRuns(connection, source, new Installer(properties),
				new ClusterLease(LeaseProperties.defaults()),
				new StaticListableBeanFactory().getBeanProvider(ApplyRunListener.class),
				new StaticListableBeanFactory().getBeanProvider(RunArchive.class), properties);
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
		assertThat(((Start.Busy) second).runId()).isEqualTo(running.id());

		cluster.operator().pause(false);
		await().atMost(Duration.ofSeconds(20)).until(() -> !running.isRunning());
		assertThat(running.state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(startApply()).isInstanceOf(Start.Started.class);
	}

	@Test
	void anApplyWaitsForTheDiskScanThatHoldsTheClusterThenRuns() {
		ClusterLease scanner = new ClusterLease(
				new LeaseProperties("kube-system", "px-wizard", Duration.ofSeconds(30), "replica-b"));
		try {
			ClusterLease.Claim.Taken scan = (ClusterLease.Claim.Taken) scanner.acquire(client, "scan-1",
					ClusterLease.SCAN, "");
			Start start = startApply();
			assertThat(start).isInstanceOf(Start.Started.class);
			ApplyRun run = ((Start.Started) start).run();
			await().until(() -> run.lines()
				.equals(List.of(new ApplyLine("lease kube-system/px-wizard",
						"waiting for the disk scan on px-wizard instance replica-b to end",
						ApplyLine.Status.WAITING))));

			scan.held().release();
			await().atMost(Duration.ofSeconds(20)).until(() -> !run.isRunning());
			assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
			assertThat(run.lines().get(0))
				.isEqualTo(new ApplyLine("lease kube-system/px-wizard", "acquired", ApplyLine.Status.DONE));
		}
		finally {
			scanner.destroy();
		}
	}

	@Test
	void aContextSwitchInTheMiddleOfAnApplyLetsItFinishOnTheClientItStartedWith() {
		// A kubeconfig cluster: its client is px-wizard's own, closed when it is switched
		// away from.
		KubernetesClient own = cluster.createClient();
		ClusterInfo kubeconfig = new ClusterInfo(cluster.info().server(), "first", ClusterInfo.Kind.KUBECONFIG);
		connection.use(own, kubeconfig);
		ConnectedCluster first = connection.current().orElseThrow();
		cluster.operator().pause(true);
		ApplyRun running = ((Start.Started) startApply()).run();
		await().until(() -> running.lines().stream().anyMatch((line) -> line.status() == ApplyLine.Status.WAITING));

		SimulatedCluster other = SimulatedCluster.start(Duration.ofMillis(50));
		try (KubernetesClient otherClient = other.createClient()) {
			connection.use(otherClient, new ClusterInfo(other.info().server(), "second", ClusterInfo.Kind.SIMULATED));
			// Before: the switch closed the client under the apply, which failed with the
			// client closed.
			assertThat(first.isClosed()).isFalse();
			assertThat(events).last().isEqualTo(new ClusterChanged(kubeconfig, connection.info().orElseThrow()));
			cluster.operator().pause(false);
			await().atMost(Duration.ofSeconds(20)).until(() -> !running.isRunning());
			assertThat(running.state()).as(running.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
			assertThat(running.cluster()).isEqualTo(kubeconfig);
			await().until(first::isClosed);
			// Nothing was written to the cluster switched to.
			assertThat(otherClient.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
		}
		finally {
			other.close();
		}
	}

	@Test
	void aSwitchedAwayClusterWithNothingRunningIsClosedAtOnce() {
		KubernetesClient own = cluster.createClient();
		connection.use(own, new ClusterInfo(cluster.info().server(), "first", ClusterInfo.Kind.KUBECONFIG));
		ConnectedCluster first = connection.current().orElseThrow();
		connection.disconnect();
		assertThat(first.isClosed()).isTrue();
		assertThat(first.acquire()).isFalse();
		assertThat(events).last().extracting("now").isNull();
	}

	@Test
	void anUnexpectedErrorIsPxWizardsOwnNotInstallPortworxComs() {
		ManifestSource broken = new ManifestSource(fixture.catalog, fixture.specQuery, fixture.manifests, properties) {
			@Override
			ApplyPlan plan(io.pxwizard.model.InstallSpec spec, boolean local, KubernetesClient client) {
				throw new IllegalStateException("a bug");
			}
		};
		ApplyRun run = finished(new ApplyRuns(connection, broken, new Installer(properties),
				new ClusterLease(LeaseProperties.defaults()),
				new StaticListableBeanFactory().getBeanProvider(ApplyRunListener.class),
				new StaticListableBeanFactory().getBeanProvider(RunArchive.class), properties), false);
		// Before: "install.portworx.com" was blamed for anything that went wrong.
		assertThat(run.lines()).singleElement().satisfies((line) -> {
			assertThat(line.object()).isEqualTo("px-wizard");
			assertThat(line.result()).isEqualTo("internal error: IllegalStateException: a bug (see px-wizard's log)");
		});
	}

	@Test
	void aFetchThatFailsNamesItsUrl() {
		io.pxwizard.catalog.PortworxCatalog offline = io.pxwizard.catalog.TestCatalog.edited((yaml) -> yaml
			.replace("install-base-url: https://install.portworx.com", "install-base-url: http://127.0.0.1:1"));
		io.pxwizard.model.SpecQuery specQuery = new io.pxwizard.model.SpecQuery(offline);
		ManifestSource unreachable = new ManifestSource(offline, specQuery, fixture.manifests, properties);
		ApplyRun run = finished(new ApplyRuns(connection, unreachable, new Installer(properties),
				new ClusterLease(LeaseProperties.defaults()),
				new StaticListableBeanFactory().getBeanProvider(ApplyRunListener.class),
				new StaticListableBeanFactory().getBeanProvider(RunArchive.class), properties), false);
		assertThat(run.lines()).singleElement().satisfies((line) -> {
			assertThat(line.object()).isEqualTo("http://127.0.0.1:1/2.8?comp=pxoperator");
			assertThat(line.result()).startsWith("could not be fetched (").contains("this server (air-gapped)");
		});
	}

	private ApplyRun finished(ApplyRuns applyRuns, boolean local) {
		try {
			ApplyRun run = ((Start.Started) applyRuns.start(fixture.seed(), Specs.seedParameters(), Specs.SEED_QUERY,
					"/spec/2.8?" + Specs.SEED_QUERY, "kube-system", false, local))
				.run();
			await().atMost(Duration.ofSeconds(20)).until(() -> !run.isRunning());
			assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
			return run;
		}
		finally {
			applyRuns.destroy();
		}
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
