package io.pxwizard.savedspec;

import java.util.ArrayList;
import java.util.List;

import io.pxwizard.PxWizardApplication;
import io.pxwizard.cluster.ClusterInfo;
import io.pxwizard.history.ApplyHistoryRepository;
import io.pxwizard.history.ApplyRecord;
import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRunFixture;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Saved specs, apply history and the generated administrator password on a real database,
 * across a restart of the application: the same Flyway migrations and repositories on
 * each database px-wizard supports.
 */
abstract class PersistenceTests {

	/** The application's arguments that point it at this test's database. */
	protected abstract String[] database();

	/** Checks the data is where the database keeps it (a file, a server). */
	protected abstract void assertStored();

	@Test
	void everythingSavedIsThereAfterARestart() {
		long savedId;
		try (ConfigurableApplicationContext first = start()) {
			SavedSpecRepository specs = first.getBean(SavedSpecRepository.class);
			SavedSpec saved = specs.save("lab cluster", "2.8", Specs.SEED_QUERY);
			specs.save("second", "3.6", Specs.SEED_QUERY);
			assertThat(specs.rename(saved.id(), "lab cluster (renamed)")).isTrue();
			first.getBean(ApplyHistoryRepository.class)
				.record(ApplyRunFixture.finished("2.8", Specs.SEED_QUERY, List.of(
						new ApplyLine("serviceaccount/portworx-operator", "serverside-applied", ApplyLine.Status.DONE),
						new ApplyLine("deployment.apps/portworx-operator", "Error from server (Forbidden): no",
								ApplyLine.Status.FAILED)),
						new ClusterInfo("https://10.0.0.1:6443", "lab", ClusterInfo.Kind.KUBECONFIG)));
			first.getBean(ApplyHistoryRepository.class)
				.record(ApplyRunFixture.upgraded("2.8.1.5", "3.1", "c=x", "ops-admin",
						List.of(new ApplyLine("deployment.apps/portworx-operator", "serverside-applied",
								ApplyLine.Status.DONE)),
						new ClusterInfo("https://10.0.0.1:6443", "lab", ClusterInfo.Kind.KUBECONFIG)));
			savedId = saved.id();
		}
		assertStored();

		try (ConfigurableApplicationContext second = start()) {
			SavedSpecRepository specs = second.getBean(SavedSpecRepository.class);
			assertThat(specs.findAll()).extracting(SavedSpec::name).containsExactly("second", "lab cluster (renamed)");
			SavedSpec saved = specs.find(savedId).orElseThrow();
			assertThat(saved.query()).isEqualTo(Specs.SEED_QUERY);
			assertThat(saved.updatedAt()).isAfterOrEqualTo(saved.createdAt());
			List<ApplyRecord> history = second.getBean(ApplyHistoryRepository.class).ofSpec("2.8", Specs.SEED_QUERY);
			assertThat(history).singleElement().satisfies((record) -> {
				assertThat(record.result()).isEqualTo("FAILED");
				assertThat(record.reason())
					.isEqualTo("deployment.apps/portworx-operator: Error from server (Forbidden): no");
				assertThat(record.clusterContext()).isEqualTo("lab");
				assertThat(record.lines()).extracting(ApplyLine::object)
					.containsExactly("serviceaccount/portworx-operator", "deployment.apps/portworx-operator");
			});
			assertThat(second.getBean(ApplyHistoryRepository.class).ofSpec("3.1", "c=x")).singleElement()
				.satisfies((record) -> {
					assertThat(record.action()).isEqualTo(ApplyRun.Action.UPGRADE);
					assertThat(record.upgradedFrom()).isEqualTo("2.8.1.5");
					assertThat(record.upgradedTo()).isEqualTo("3.1");
					assertThat(record.actor()).isEqualTo("ops-admin");
					assertThat(record.succeeded()).isTrue();
				});
			assertThat(history.get(0).action()).isEqualTo(ApplyRun.Action.APPLY);
			assertThat(history.get(0).actor()).isEmpty();
			assertThat(specs.delete(savedId)).isTrue();
			assertThat(specs.find(savedId)).isEmpty();
		}
	}

	@Test
	void aRecordAndItsLinesAreWrittenTogetherOrNotAtAll() {
		try (ConfigurableApplicationContext context = start()) {
			ApplyHistoryRepository history = context.getBean(ApplyHistoryRepository.class);
			// A line the schema refuses (no object) makes the insert fail after the
			// record and the first line.
			List<ApplyLine> lines = List.of(new ApplyLine("a", "ok", ApplyLine.Status.DONE),
					new ApplyLine(null, "ok", ApplyLine.Status.DONE));
			assertThatThrownBy(() -> history.record(ApplyRunFixture.finished("2.8", Specs.SEED_QUERY, lines,
					new ClusterInfo("s", "c", ClusterInfo.Kind.KUBECONFIG))))
				.isInstanceOf(DataIntegrityViolationException.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from apply_record").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from apply_line").query(Long.class).single()).isZero();
		}
	}

	@Test
	void aRunIsReadableWhileItGoesAndEndsAsRecorded() {
		try (ConfigurableApplicationContext context = start()) {
			ApplyHistoryRepository history = context.getBean(ApplyHistoryRepository.class);
			ClusterInfo cluster = new ClusterInfo("https://10.0.0.1:6443", "lab", ClusterInfo.Kind.KUBECONFIG);
			ApplyRun run = ApplyRunFixture.running("run-42", "2.8", Specs.SEED_QUERY, cluster,
					(position, line) -> history.line("run-42", position, line));
			history.started(run, "replica-a");
			run.add(new ApplyLine("serviceaccount/portworx-operator", "serverside-applied", ApplyLine.Status.DONE));
			run.add(new ApplyLine("deployment.apps/portworx-operator", "Waiting for deployment rollout",
					ApplyLine.Status.WAITING));

			// What another instance on this database shows while the run goes on.
			ApplyRun seen = history.run("run-42").orElseThrow();
			assertThat(seen.isRunning()).isTrue();
			assertThat(seen.lines()).isEqualTo(run.lines());
			assertThat(seen.cluster()).isEqualTo(cluster);
			assertThat(seen.specUrl()).isEqualTo(run.specUrl());
			assertThat(seen.parameters()).containsEntry("operator", "true").containsEntry("kbver", "");
			assertThat(history.recent(10)).isEmpty();

			// The wait's line is replaced where it was, not added.
			run.add(new ApplyLine("deployment.apps/portworx-operator", "successfully rolled out",
					ApplyLine.Status.DONE));
			assertThat(history.run("run-42").orElseThrow().lines()).hasSize(2)
				.last()
				.extracting(ApplyLine::result)
				.isEqualTo("successfully rolled out");
			run.finish(ApplyRun.State.SUCCEEDED);
			history.record(run);

			ApplyRun ended = history.run("run-42").orElseThrow();
			assertThat(ended.state()).isEqualTo(ApplyRun.State.SUCCEEDED);
			assertThat(ended.finished()).isNotNull();
			assertThat(history.recent(10)).singleElement().satisfies((record) -> assertThat(record.lines()).hasSize(2));
		}
	}

	@Test
	void aRunWhoseInstanceDiedIsMarkedFailedOnce() {
		try (ConfigurableApplicationContext context = start()) {
			ApplyHistoryRepository history = context.getBean(ApplyHistoryRepository.class);
			ApplyRun run = ApplyRunFixture.running("run-7", "2.8", Specs.SEED_QUERY,
					new ClusterInfo("https://10.0.0.1:6443", "lab", ClusterInfo.Kind.KUBECONFIG),
					(position, line) -> history.line("run-7", position, line));
			history.started(run, "replica-a");
			run.add(new ApplyLine("serviceaccount/portworx-operator", "serverside-applied", ApplyLine.Status.DONE));

			history.abandoned("run-7", "replica-a", "stopped during the run");
			history.abandoned("run-7", "replica-a", "stopped during the run");

			ApplyRun dead = history.run("run-7").orElseThrow();
			assertThat(dead.state()).isEqualTo(ApplyRun.State.FAILED);
			assertThat(dead.lines()).extracting(ApplyLine::object)
				.containsExactly("serviceaccount/portworx-operator", "replica-a");
			assertThat(history.recent(10)).singleElement()
				.extracting(ApplyRecord::reason)
				.isEqualTo("replica-a: stopped during the run");
		}
	}

	@Test
	void theGeneratedAdministratorPasswordIsStoredHashedOnceAndKept() {
		String hash;
		try (ConfigurableApplicationContext first = start("--px-wizard.security.login-required=true")) {
			hash = adminHash(first);
			assertThat(hash).startsWith("{bcrypt}");
		}
		try (ConfigurableApplicationContext second = start("--px-wizard.security.login-required=true")) {
			assertThat(adminHash(second)).isEqualTo(hash);
		}
	}

	private static String adminHash(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select password_hash from admin_credential where username = 'admin'")
			.query(String.class)
			.single();
	}

	private ConfigurableApplicationContext start(String... more) {
		// The whole application, as a restart of the jar would bring it up.
		// Command-line arguments: they outrank the in-memory URL the build gives every
		// other test.
		List<String> args = new ArrayList<>(List.of(database()));
		args.addAll(
				List.of("--px-wizard.cluster.auto-connect=false", "--server.port=0", "--management.server.port=-1"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(PxWizardApplication.class).web(WebApplicationType.SERVLET)
			.run(args.toArray(String[]::new));
	}

}
