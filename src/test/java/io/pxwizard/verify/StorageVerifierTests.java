package io.pxwizard.verify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyPlan;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRunFixture;
import io.pxwizard.apply.InstallerAccess;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Verify storage against the simulated cluster, whose provisioner answers only while
 * Portworx is Online and refuses more replicas than Online StorageNodes: a claim, a pod
 * that writes and reads back, and nothing left afterwards whatever happened.
 */
class StorageVerifierTests {

	private static final ClusterProperties FAST = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20),
			Duration.ofSeconds(20), Duration.ofSeconds(30));

	private static final VerifyProperties QUICK = new VerifyProperties("default", "1Gi", Duration.ofSeconds(3));

	private final ManifestFixture fixture = new ManifestFixture();

	private SimulatedCluster cluster;

	private KubernetesClient client;

	@BeforeEach
	void start() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
	}

	@AfterEach
	void stop() {
		client.close();
		cluster.close();
	}

	@Test
	void aVolumeOfTheClassIsProvisionedWrittenAndReadBackThenEverythingIsDeleted() {
		install();
		ApplyRun run = verify("px-mongodb", new VerifyProperties("default", "1Gi", Duration.ofSeconds(20)));

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.lines()).extracting(ApplyLine::result)
			.satisfiesExactly((line) -> assertThat(line).isEqualTo("created (1Gi, storageClassName px-mongodb)"),
					(line) -> assertThat(line)
						.isEqualTo("created (image docker.io/library/busybox:1.36, writes and reads back the volume)"),
					(line) -> assertThat(line).matches("Bound to pvc-[-0-9a-f]+ after \\d+s"),
					(line) -> assertThat(line)
						.matches("Succeeded after \\d+s: the data written on the volume was read back"),
					(line) -> assertThat(line).isEqualTo("deleted (clean-up)"),
					(line) -> assertThat(line).isEqualTo("deleted (clean-up)"));
		assertNothingLeft();
	}

	@Test
	void aVolumeOfAClassThatRetainsItsVolumesIsDeletedToo() {
		install();
		client.storage()
			.v1()
			.storageClasses()
			.resource(new StorageClassBuilder().withNewMetadata()
				.withName("px-retain")
				.endMetadata()
				.withProvisioner("pxd.portworx.com")
				.withReclaimPolicy("Retain")
				.withParameters(Map.of("repl", "2"))
				.build())
			.create();
		ApplyRun run = verify("px-retain", new VerifyProperties("default", "1Gi", Duration.ofSeconds(20)));

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.lines()).extracting(ApplyLine::object)
			.anyMatch((object) -> object.startsWith("persistentvolume/"));
		assertThat(client.persistentVolumes().list().getItems()).isEmpty();
		assertNothingLeft();
	}

	@Test
	void withoutPortworxOnlineTheClaimStaysPendingAndTheLineSaysWhy() {
		storageClass("px-mongodb", "3");
		ApplyRun run = verify("px-mongodb", QUICK);

		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).filteredOn((line) -> line.status() == ApplyLine.Status.FAILED)
			.singleElement()
			.extracting(ApplyLine::result)
			.asString()
			.startsWith("still Pending after ")
			.contains("Normal ExternalProvisioning: Waiting for a volume to be created either by the external "
					+ "provisioner 'pxd.portworx.com'");
		assertNothingLeft();
	}

	@Test
	void moreReplicasThanStorageNodesFailsWithTheProvisionersMessage() {
		install();
		storageClass("px-four", "4");
		ApplyRun run = verify("px-four", new VerifyProperties("default", "1Gi", Duration.ofSeconds(20)));

		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).filteredOn((line) -> line.status() == ApplyLine.Status.FAILED)
			.singleElement()
			.extracting(ApplyLine::result)
			.asString()
			.startsWith("Pending: Warning ProvisioningFailed: failed to provision volume with StorageClass \"px-four\"")
			.contains("3 out of 4 pools are able to provision volume");
		assertNothingLeft();
	}

	@Test
	void aPodThatCannotReadItsDataBackFailsTheVerification() {
		install();
		ApplyRun run = ApplyRunFixture.newRun("", "", cluster.info());
		Thread verifying = new Thread(
				() -> new StorageVerifier(new VerifyProperties("default", "1Gi", Duration.ofSeconds(20))).verify(run,
						client, "px-mongodb", "docker.io/library/busybox:1.36"));
		verifying.start();
		// The kubelet of a node whose disk lies: the check in the pod fails.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !client.pods()
				.inNamespace("default")
				.withLabel(StorageVerifier.TASK_LABEL)
				.list()
				.getItems()
				.isEmpty());
		cluster.operator().pause(true);
		Pod pod = client.pods().inNamespace("default").withLabel(StorageVerifier.TASK_LABEL).list().getItems().get(0);
		pod.setStatus(new PodStatusBuilder().withPhase("Failed")
			.withContainerStatuses(new ContainerStatusBuilder().withName("verify")
				.withNewState()
				.withNewTerminated()
				.withExitCode(1)
				.withReason("Error")
				.endTerminated()
				.endState()
				.build())
			.build());
		client.pods().inNamespace("default").resource(pod).updateStatus();
		cluster.operator().pause(false);
		await().atMost(Duration.ofSeconds(20)).until(() -> !run.isRunning());

		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).filteredOn((line) -> line.status() == ApplyLine.Status.FAILED)
			.singleElement()
			.extracting(ApplyLine::result)
			.asString()
			.startsWith("Failed: exit code 1, Error");
		assertNothingLeft();
	}

	@Test
	void thePodWritesReadsBackAndExitsZeroOnlyWhenTheDataMatches() {
		Pod pod = StorageVerifier.pod("default", "px-wizard-verify-x", "busybox", "abc123");
		assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
		assertThat(pod.getSpec().getContainers().get(0).getCommand()).containsExactly("sh", "-c",
				"set -e; echo abc123 > /data/px-wizard-verify; sync; test \"$(cat /data/px-wizard-verify)\" = abc123; "
						+ "rm /data/px-wizard-verify");
		assertThat(pod.getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
			.isEqualTo("px-wizard-verify-x");
	}

	private void install() {
		InstallSpec spec = fixture.specQuery.read("2.8", Specs.seedWith("sc", "mongodb:px-mongodb:3")).spec();
		ApplyRun install = ApplyRunFixture.newRun("2.8", Specs.SEED_QUERY, cluster.info());
		List<HasMetadata> operator = fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec));
		InstallerAccess.apply(FAST, install, client, new ApplyPlan(operator, fixture.manifests.clusterObjects(spec),
				"kube-system", List.of(), fixture.manifests.storageClassObjects(spec)));
		assertThat(install.state()).as(install.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> client.genericKubernetesResources(io.pxwizard.cluster.PortworxResources.STORAGE_NODES)
				.inAnyNamespace()
				.list()
				.getItems()
				.size() == 3);
	}

	private void storageClass(String name, String replication) {
		client.storage()
			.v1()
			.storageClasses()
			.resource(new StorageClassBuilder().withNewMetadata()
				.withName(name)
				.endMetadata()
				.withProvisioner("pxd.portworx.com")
				.withParameters(Map.of("repl", replication))
				.build())
			.create();
	}

	private ApplyRun verify(String storageClass, VerifyProperties properties) {
		ApplyRun run = ApplyRunFixture.newRun("", "", cluster.info());
		new StorageVerifier(properties).verify(run, client, storageClass, "docker.io/library/busybox:1.36");
		return run;
	}

	private void assertNothingLeft() {
		assertThat(client.pods().inAnyNamespace().withLabel(StorageVerifier.TASK_LABEL).list().getItems()).isEmpty();
		assertThat(client.persistentVolumeClaims()
			.inAnyNamespace()
			.withLabel(StorageVerifier.TASK_LABEL)
			.list()
			.getItems()).isEmpty();
	}

}
