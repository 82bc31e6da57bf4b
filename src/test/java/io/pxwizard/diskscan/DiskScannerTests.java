package io.pxwizard.diskscan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.disks.DeviceVerdict;
import io.pxwizard.disks.NodeDisks;
import io.pxwizard.disks.ScanSummary;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.simulation.SimulatedDisks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The disk scan on the simulated cluster, whose nodes print varied lsblk inventories
 * (SimulatedDisks).
 */
class DiskScannerTests {

	private static final ClusterProperties PATIENT = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));

	private static final ClusterProperties IMPATIENT = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(2));

	private final ManifestFixture fixture = new ManifestFixture();

	private SimulatedCluster cluster;

	private KubernetesClient client;

	@BeforeEach
	void startCluster() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
		// Nodes exist once the simulated kubelets have registered.
		org.awaitility.Awaitility.await().until(() -> client.nodes().list().getItems().size() == 3);
	}

	@AfterEach
	void stopCluster() {
		client.close();
		cluster.close();
	}

	@Test
	void eachNodeSaysWhichDisksPortworxWouldTakeAndTheScanLeavesNothingBehind() {
		// The seed ticks "use unmounted disks even if they have a partition or
		// filesystem".
		DiskScan scan = scanner(PATIENT).scan(client, fixture.seed(), "kube-system");

		assertThat(scan.failures()).isEmpty();
		assertThat(scan.summary().nodes()).extracting(NodeDisks::node, NodeDisks::hasStorage)
			.containsExactlyInAnyOrder(tuple("node-1", true), tuple("node-2", true), tuple("node-3", false));
		NodeDisks node2 = node(scan, "node-2");
		assertThat(node2.devices()).filteredOn(DeviceVerdict::isUsed)
			.extracting(DeviceVerdict::path)
			.containsExactly("/dev/sdb", "/dev/sdc");
		assertThat(scan.verdict()).isEqualTo(ScanSummary.Verdict.WARN);
		assertThat(scan.image()).isEqualTo("docker.io/library/busybox:1.36");
		assertThat(scan.nodes()).extracting(NodeFacts::name).containsExactlyInAnyOrder("node-1", "node-2", "node-3");
		// The DaemonSet existed while the scan ran, and nothing of it is left.
		assertThat(cluster.server().dispatcher().requests())
			.anyMatch((request) -> request.startsWith("POST /apis/apps/v1/namespaces/kube-system/daemonsets"))
			.anyMatch((request) -> request.startsWith("DELETE /apis/apps/v1/namespaces/kube-system/daemonsets"));
		assertNothingLeft();
		// Without the box, the formatted and partitioned disks are skipped, with the
		// reason.
		DiskScan plain = scanner(PATIENT).scan(client, fixture.seedWith("f", null), "kube-system");
		assertThat(node(plain, "node-2").hasStorage()).isFalse();
		assertThat(node(plain, "node-2").devices()).extracting(DeviceVerdict::path, DeviceVerdict::reason)
			.contains(tuple("/dev/sdb", "disk.reason.filesystem"), tuple("/dev/sdc", "disk.reason.partitions"));
	}

	@Test
	void nodeFactsComeFromTheNodeObjectsAgainstTheReleasesMinimums() {
		client.nodes()
			.withName("node-3")
			.edit((node) -> new io.fabric8.kubernetes.api.model.NodeBuilder(node).editOrNewSpec()
				.withUnschedulable(true)
				.endSpec()
				.build());
		DiskScan scan = scanner(PATIENT).scan(client, fixture.seed(), "kube-system");
		NodeFacts node1 = scan.nodes().stream().filter((n) -> n.name().equals("node-1")).findFirst().orElseThrow();
		assertThat(node1.kernel()).isEqualTo("5.15.0-105-generic");
		assertThat(node1.osImage()).isEqualTo("Ubuntu 22.04.4 LTS");
		assertThat(node1.cpu()).isEqualTo(8.0);
		assertThat(node1.humanMemory()).isEqualTo("32.0 GiB");
		assertThat(node1.shortfalls()).isEmpty();
		NodeFacts node3 = scan.nodes().stream().filter((n) -> n.name().equals("node-3")).findFirst().orElseThrow();
		assertThat(node3.schedulable()).isFalse();
		assertThat(node3.shortfalls()).containsExactly("cordoned (unschedulable)");
		// A cordoned node is not waited for.
		assertThat(scan.failures()).noneMatch((failure) -> failure.startsWith("node-3"));
	}

	@Test
	void threeNodesWithAnEmptyDiskPass() {
		SimulatedDisks disks = cluster.disks();
		for (String node : List.of("node-1", "node-2", "node-3")) {
			disks.set(node, SimulatedDisks.resource("nvme-mountpoints.json"));
		}
		DiskScan scan = scanner(PATIENT).scan(client, fixture.seed(), "kube-system");
		assertThat(scan.verdict()).isEqualTo(ScanSummary.Verdict.PASS);
		assertThat(node(scan, "node-3").storageBytes()).isEqualTo(1024209543168L);
	}

	@Test
	void anImageTheNodesCannotPullIsNamedAndCleanedUp() {
		InstallSpec spec = fixture.seedWith("reg", "registry.example.com:5000/portworx");
		cluster.registry().airGapped(Set.of());
		DiskScan scan = scanner(IMPATIENT).scan(client, spec, "kube-system");
		assertThat(scan.image()).isEqualTo("registry.example.com:5000/portworx/busybox:1.36");
		assertThat(scan.failures())
			.contains("node-1: ImagePullBackOff on registry.example.com:5000/portworx/busybox:1.36");
		assertThat(scan.verdict()).isEqualTo(ScanSummary.Verdict.FAIL);
		assertNothingLeft();
	}

	@Test
	void aNodeThatNeverRunsItsPodIsNamedAfterTheTimeoutAndNothingIsLeft() {
		cluster.operator().pause(true);
		DiskScan scan = scanner(IMPATIENT).scan(client, fixture.seed(), "kube-system");
		assertThat(scan.failures())
			.contains("node-1: never ran its scan pod (tainted beyond what the scan tolerates, or full?)");
		assertThat(scan.verdict()).isEqualTo(ScanSummary.Verdict.FAIL);
		assertNothingLeft();
	}

	@Test
	void aNamespaceThatRefusesPrivilegedPodsIsSaidBeforeAnythingIsCreated() {
		client.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata()
				.withName("portworx")
				.withLabels(Map.of("pod-security.kubernetes.io/enforce", "baseline"))
				.endMetadata()
				.build())
			.create();
		DiskScan scan = scanner(PATIENT).scan(client, fixture.seedWith("ns", "portworx"), "portworx");
		assertThat(scan.failures()).singleElement()
			.asString()
			.contains("enforces Pod Security \"baseline\"")
			.contains("kubectl label namespace portworx pod-security.kubernetes.io/enforce=privileged --overwrite");
		assertThat(cluster.server().dispatcher().requests())
			.noneMatch((request) -> request.startsWith("POST") && request.contains("/daemonsets"));
	}

	@Test
	void noPermissionToCreateTheDaemonSetIsSaidInWords() {
		cluster.server().dispatcher().forbid("daemonsets");
		DiskScan scan = scanner(PATIENT).scan(client, fixture.seed(), "kube-system");
		assertThat(scan.failures()).singleElement()
			.asString()
			.startsWith("may not create the scan's DaemonSet in kube-system: ");
	}

	@Test
	void noPermissionToReadThePodsLogsIsSaidInWordsAndNothingIsLeft() {
		cluster.server().dispatcher().forbid("pods/log");
		DiskScan scan = scanner(PATIENT).scan(client, fixture.seed(), "kube-system");
		assertThat(scan.failures()).singleElement()
			.asString()
			.startsWith("may not read the scan pods' logs (pods/log in kube-system): ");
		assertNothingLeft();
	}

	@Test
	void leftoversOfAnEarlierPxWizardAreFoundByLabelAndRemoved() {
		client.apps()
			.daemonSets()
			.inNamespace("kube-system")
			.resource(DiskScanner.daemonSet(fixture.seed(), "kube-system", "px-wizard-disk-scan-old", "old",
					"docker.io/library/busybox:1.36"))
			.create();
		org.awaitility.Awaitility.await()
			.until(() -> !client.pods()
				.inNamespace("kube-system")
				.withLabel(DiskScanner.TASK_LABEL, DiskScanner.TASK)
				.list()
				.getItems()
				.isEmpty());
		assertThat(scanner(PATIENT).removeLeftovers(client)).isEqualTo(1);
		assertNothingLeft();
	}

	private void assertNothingLeft() {
		assertThat(client.apps()
			.daemonSets()
			.inAnyNamespace()
			.withLabel(DiskScanner.TASK_LABEL, DiskScanner.TASK)
			.list()
			.getItems()).isEmpty();
		// A DaemonSet controller that listed the DaemonSet just before it went may still
		// create a pod after
		// px-wizard's delete; the garbage collector removes it, in a real cluster as in
		// the simulated one.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(client.pods()
				.inAnyNamespace()
				.withLabel(DiskScanner.TASK_LABEL, DiskScanner.TASK)
				.list()
				.getItems()).isEmpty());
	}

	private DiskScanner scanner(ClusterProperties properties) {
		return new DiskScanner(fixture.catalog, properties);
	}

	private static NodeDisks node(DiskScan scan, String name) {
		return scan.summary().nodes().stream().filter((node) -> node.node().equals(name)).findFirst().orElseThrow();
	}

}
