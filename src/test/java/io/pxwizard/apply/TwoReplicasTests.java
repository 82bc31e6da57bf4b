package io.pxwizard.apply;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.PxWizardApplication;
import io.pxwizard.apply.ApplyRuns.Start;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterLease;
import io.pxwizard.history.ApplyHistoryRepository;
import io.pxwizard.simulation.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two px-wizard instances on one database and one cluster, as two replicas run: one run
 * per cluster at a time across both (the other is told who holds the cluster), a run
 * followed from the instance that did not start it, and an instance that dies mid-run
 * (its Lease expires, a retry on the other proceeds and the dead run is marked failed).
 */
class TwoReplicasTests {

	private SimulatedCluster cluster;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private final CountDownLatch proceed = new CountDownLatch(1);

	private final List<ApplyRun> started = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		String database = "jdbc:h2:mem:replicas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		a = replica("replica-a", database);
		b = replica("replica-b", database);
	}

	private ConfigurableApplicationContext replica(String name, String database) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PxWizardApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--spring.datasource.url=" + database, "--px-wizard.cluster.auto-connect=false", "--server.port=0",
					"--management.server.port=-1", "--px-wizard.lease.instance=" + name,
					"--px-wizard.lease.duration=3s", "--spring.main.banner-mode=off");
		context.getBean(ClusterConnection.class).use(cluster.createClient(), cluster.info());
		return context;
	}

	@AfterEach
	void stop() {
		proceed.countDown();
		// Every run ends before its instance stops, as on a graceful shutdown.
		await().atMost(Duration.ofSeconds(20)).until(() -> started.stream().noneMatch(ApplyRun::isRunning));
		b.close();
		a.close();
		cluster.close();
	}

	@Test
	void oneRunPerClusterAcrossReplicasTheOtherSaysWhoHoldsItAndShowsTheRun() throws Exception {
		ApplyRun running = started(a, "olga");
		await().until(() -> running.lines().size() == 1);

		Start refused = start(b, "victor");
		assertThat(refused).isInstanceOfSatisfying(Start.Busy.class, (busy) -> {
			assertThat(busy.runId()).isEqualTo(running.id());
			assertThat(busy.holder().instance()).isEqualTo("replica-a");
			assertThat(busy.holder().actor()).isEqualTo("olga");
			assertThat(busy.holder().action()).isEqualTo("VERIFY");
		});
		// The refused run never ran: it is not recorded.
		assertThat(b.getBean(JdbcClient.class).sql("select run_id from apply_record").query(String.class).list())
			.containsExactly(running.id());
		// Replica b shows the run replica a is running, from the lines in the database.
		ApplyRun followed = b.getBean(ApplyRuns.class).get(running.id()).orElseThrow();
		assertThat(followed.isRunning()).isTrue();
		assertThat(followed.lines()).containsExactlyElementsOf(running.lines());
		assertThat(followed.actor()).isEqualTo("olga");
		String page = get(b, "/apply/runs/" + running.id() + "/progress");
		assertThat(page).contains("held on replica a");

		proceed.countDown();
		await().atMost(Duration.ofSeconds(20)).until(() -> !running.isRunning());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !b.getBean(ApplyRuns.class).get(running.id()).orElseThrow().isRunning());
		ApplyRun ended = b.getBean(ApplyRuns.class).get(running.id()).orElseThrow();
		assertThat(ended.state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(ended.lines()).extracting(ApplyLine::result).containsExactly("held on replica a", "done");
		// Released: replica b may run now.
		assertThat(start(b, "victor")).isInstanceOf(Start.Started.class);
	}

	@Test
	void aReplicaThatDiesMidRunLetsTheOtherProceedOnceItsLeaseExpires() {
		ApplyRun orphan = started(a, "olga");
		await().until(() -> orphan.lines().size() == 1);
		// Replica a freezes as a killed pod would: its run never ends, nothing renews its
		// Lease and nothing releases it.
		a.getBean(ClusterLease.class).destroy();
		assertThat(start(b, "victor")).isInstanceOf(Start.Busy.class);

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
			Start retry = start(b, "victor");
			return retry instanceof Start.Started;
		});
		ApplyRun dead = b.getBean(ApplyRuns.class).get(orphan.id()).orElseThrow();
		assertThat(dead.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(dead.lines()).last().satisfies((line) -> {
			assertThat(line.object()).isEqualTo("replica-a");
			assertThat(line.result()).contains("its lease on the cluster expired");
		});
		assertThat(b.getBean(ApplyHistoryRepository.class).recent(10)).extracting((record) -> record.reason())
			.anySatisfy((reason) -> assertThat(reason).startsWith("replica-a: stopped during the run"));
	}

	@Test
	void aRunTheLeaseNamesButNoDatabaseHoldsIsShownAsWhoHoldsTheCluster() throws Exception {
		// Another px-wizard, on its own database, upgrades the cluster.
		try (KubernetesClient client = cluster.createClient()) {
			client.leases()
				.inNamespace("kube-system")
				.resource(new LeaseBuilder().withNewMetadata()
					.withNamespace("kube-system")
					.withName("px-wizard")
					.addToAnnotations("px-wizard.io/run", "run-elsewhere")
					.addToAnnotations("px-wizard.io/action", "UPGRADE")
					.addToAnnotations("px-wizard.io/actor", "olga")
					.endMetadata()
					.withNewSpec()
					.withHolderIdentity("px-wizard-other")
					.withLeaseDurationSeconds(600)
					.withAcquireTime(ZonedDateTime.now(ZoneOffset.UTC))
					.withRenewTime(ZonedDateTime.now(ZoneOffset.UTC))
					.endSpec()
					.build())
				.create();
		}
		Start refused = start(b, "victor");
		assertThat(refused).isInstanceOf(Start.Busy.class);
		String page = get(b, "/apply/runs/" + ((Start.Busy) refused).runId());
		assertThat(page).contains(
				"The cluster is busy with an upgrade started by olga on px-wizard instance px-wizard-other.",
				"That run is not in this px-wizard&#39;s database");
		// A run nobody holds the cluster for is still not found.
		int port = ((WebServerApplicationContext) b).getWebServer().getPort();
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/apply/runs/no-such-run"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	/** A run that says where it runs, then waits for the test. */
	private Start start(ConfigurableApplicationContext replica, String actor) {
		String name = replica.getBean(ClusterLease.class).instance().replace('-', ' ');
		Start start = replica.getBean(ApplyRuns.class)
			.start(new ApplyRuns.Order(null, Map.of(), "", "/status", "kube-system", false, true, actor,
					ApplyRun.Action.VERIFY, null), (run, client, plan) -> hold(run, client, name));
		if (start instanceof Start.Started run) {
			started.add(run.run());
		}
		return start;
	}

	private ApplyRun started(ConfigurableApplicationContext replica, String actor) {
		Start start = start(replica, actor);
		assertThat(start).isInstanceOf(Start.Started.class);
		return ((Start.Started) start).run();
	}

	private void hold(ApplyRun run, KubernetesClient client, String name) {
		run.add(new ApplyLine("lease", "held on " + name, ApplyLine.Status.DONE));
		try {
			if (proceed.await(60, TimeUnit.SECONDS)) {
				run.add(new ApplyLine("lease", "done", ApplyLine.Status.DONE));
				run.finish(ApplyRun.State.SUCCEEDED);
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		run.finish(ApplyRun.State.FAILED);
	}

	private static String get(ConfigurableApplicationContext replica, String path) throws Exception {
		int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
