package io.pxwizard.apply;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Apply's last step on the simulated k3s cluster: the spec's StorageClasses once the
 * StorageCluster is Online, the default mark moved from k3s's local-path, a re-apply that
 * changes nothing, and a class whose parameters Kubernetes will not let change.
 */
class StorageClassApplyTests {

	private static final ClusterProperties FAST = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20),
			Duration.ofSeconds(20), Duration.ofSeconds(30));

	private final ManifestFixture fixture = new ManifestFixture();

	private SimulatedCluster cluster;

	private KubernetesClient client;

	@BeforeEach
	void startK3s() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
		client.storage()
			.v1()
			.storageClasses()
			.resource(new StorageClassBuilder().withNewMetadata()
				.withName("local-path")
				.addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
				.endMetadata()
				.withProvisioner("rancher.io/local-path")
				.withVolumeBindingMode("WaitForFirstConsumer")
				.withReclaimPolicy("Delete")
				.build())
			.create();
	}

	@AfterEach
	void stop() {
		client.close();
		cluster.close();
	}

	@Test
	void theClassesComeOnceOnlineAndTheDefaultMarkMovesFromLocalPath() {
		ApplyRun run = apply(withClasses(), false);

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.lines()).extracting(ApplyLine::object, ApplyLine::result)
			.containsSubsequence(
					tuple("storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME, "serverside-applied"),
					tuple("storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME,
							"condition met: phase Online"),
					tuple("storageclass.storage.k8s.io/px-mongodb", "serverside-applied"),
					tuple("storageclass.storage.k8s.io/px-redis", "serverside-applied"),
					tuple("storageclass.storage.k8s.io/local-path",
							"patched (storageclass.kubernetes.io/is-default-class: false): px-mongodb is the default StorageClass now"));
		StorageClass mongodb = client.storage().v1().storageClasses().withName("px-mongodb").get();
		assertThat(mongodb.getProvisioner()).isEqualTo("pxd.portworx.com");
		assertThat(mongodb.getParameters())
			.containsExactlyInAnyOrderEntriesOf(Map.of("repl", "3", "io_profile", "db_remote", "priority_io", "high"));
		assertThat(mongodb.getMetadata().getManagedFields()).extracting("manager").contains(Installer.FIELD_MANAGER);
		assertThat(StorageClassApplier.isDefault(mongodb)).isTrue();
		assertThat(StorageClassApplier.isDefault(client.storage().v1().storageClasses().withName("local-path").get()))
			.isFalse();

		ApplyRun again = apply(withClasses(), false);
		assertThat(again.state()).as(again.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(again.lines()).extracting(ApplyLine::object)
			.doesNotContain("storageclass.storage.k8s.io/local-path");
		assertThat(client.storage().v1().storageClasses().withName("px-mongodb").get().getParameters())
			.isEqualTo(mongodb.getParameters());
	}

	@Test
	void aDryRunSaysWhatWouldComeAndWritesNoClass() {
		ApplyRun dryRun = apply(withClasses(), true);
		assertThat(dryRun.state()).as(dryRun.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(dryRun.lines()).extracting(ApplyLine::object, ApplyLine::result)
			.contains(
					tuple("storageclass.storage.k8s.io/local-path",
							"would no longer be the default StorageClass: px-mongodb would be"),
					tuple("storageclass.storage.k8s.io/px-mongodb",
							"serverside-applied (server dry run): would be created"));
		assertThat(client.storage().v1().storageClasses().withName("px-mongodb").get()).isNull();
		assertThat(StorageClassApplier.isDefault(client.storage().v1().storageClasses().withName("local-path").get()))
			.isTrue();
	}

	@Test
	void changedParametersAreExplainedNotAttempted() {
		client.storage()
			.v1()
			.storageClasses()
			.resource(new StorageClassBuilder().withNewMetadata()
				.withName("px-mongodb")
				.endMetadata()
				.withProvisioner("pxd.portworx.com")
				.withParameters(Map.of("repl", "2"))
				.build())
			.create();

		ApplyRun run = apply(withClasses(), false);

		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).last().satisfies((line) -> {
			assertThat(line.object()).isEqualTo("storageclass.storage.k8s.io/px-mongodb");
			assertThat(line.result()).contains("exists with other parameters", "{repl=2}",
					"kubectl delete storageclass px-mongodb, then apply again");
		});
		assertThat(client.storage().v1().storageClasses().withName("px-mongodb").get().getParameters())
			.containsExactly(Map.entry("repl", "2"));
		// Nothing else was written: the cluster keeps its default StorageClass.
		assertThat(client.storage().v1().storageClasses().withName("px-redis").get()).isNull();
		assertThat(StorageClassApplier.isDefault(client.storage().v1().storageClasses().withName("local-path").get()))
			.isTrue();
	}

	@Test
	void thePreflightSaysWhenAClassAsksForMoreReplicasThanNodes() {
		org.awaitility.Awaitility.await().until(() -> client.nodes().list().getItems().size() == 3);
		InstallSpec fits = withClasses();
		assertThat(new Preflight().run(client, plan(fits)).checks())
			.filteredOn((check) -> check.title().equals("Replication"))
			.singleElement()
			.satisfies((check) -> assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.PASS));
		cluster.operator().pause(true);
		client.nodes().withName("node-3").delete();
		client.nodes().withName("node-2").edit((node) -> {
			node.getStatus().getConditions().get(0).setStatus("False");
			return node;
		});
		assertThat(new Preflight().run(client, plan(fits)).checks())
			.filteredOn((check) -> check.title().equals("Replication"))
			.singleElement()
			.satisfies((check) -> {
				assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.FAIL);
				assertThat(check.result()).startsWith("px-mongodb asks for 3 replicas but only 1 node is Ready");
			});
	}

	private ApplyPlan plan(InstallSpec spec) {
		List<HasMetadata> operator = fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec));
		return new ApplyPlan(operator, fixture.manifests.clusterObjects(spec), "kube-system", List.of(),
				fixture.manifests.storageClassObjects(spec));
	}

	private InstallSpec withClasses() {
		return fixture.specQuery
			.read("2.8", Specs.seedWith("sc", "mongodb:px-mongodb:3,redis:px-redis:2", "scdefault", "px-mongodb"))
			.spec();
	}

	private ApplyRun apply(InstallSpec spec, boolean dryRun) {
		ApplyRun run = new ApplyRun("test", "2.8", Map.of(), Specs.SEED_QUERY, "/spec/2.8?" + Specs.SEED_QUERY,
				"kube-system", dryRun, true, cluster.info());
		new Installer(FAST).apply(run, client, plan(spec));
		return run;
	}

}
