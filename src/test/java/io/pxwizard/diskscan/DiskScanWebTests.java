package io.pxwizard.diskscan;

import java.net.URI;
import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.model.Specs;
import io.pxwizard.cluster.ClusterLease;
import io.pxwizard.cluster.LeaseProperties;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import io.pxwizard.simulation.SimulatedDisks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The disk preflight page, its htmx panel, curl's text, and Apply's confirmation after a
 * failed scan.
 */
@SpringBootTest(properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=50ms",
		"px-wizard.cluster.scan-timeout=20s" })
@AutoConfigureMockMvc
@Import(SimulatedClusterConfiguration.class)
class DiskScanWebTests {

	private static final String SCAN = "/scan/2.8?" + Specs.SEED_QUERY;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SimulatedCluster cluster;

	@Autowired
	private KubernetesClient simulatedClusterClient;

	@BeforeEach
	void nodesAreUp() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> simulatedClusterClient.nodes().list().getItems().size() == 3);
		for (String node : java.util.List.of("node-1", "node-2", "node-3")) {
			cluster.disks().set(node, SimulatedDisks.resource("root-only.json"));
		}
		cluster.disks().set("node-1", SimulatedDisks.resource("lvm-root-empty-ssd.json"));
		cluster.disks().set("node-2", SimulatedDisks.resource("strings-formatted-swap.json"));
	}

	@Test
	void thePageScansOnRequestAndShowsEachNodesDisksAndWhy() {
		assertThat(mvc.get().uri(URI.create(SCAN)).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains(">Scan the nodes&#39; disks</button>", "privileged, the host&#39;s / read-only")
			.doesNotContain("verdict-box");
		assertThat(mvc.post().uri(URI.create(SCAN)).with(csrf()).header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.doesNotContain("<html")
			.contains("Only 2 of 3 nodes have a disk Portworx would use; the built-in KVDB needs 3.")
			.contains("<code>/dev/sdb</code>", "unformatted and unmounted", "mounted at /boot")
			.contains("has a xfs filesystem, used because")
			.contains("no disk Portworx would use");
	}

	@Test
	void curlGetsTheLastScanAsTextButAGetNeverStartsOne() {
		// A spec no other test scans: the last scans are kept per cluster and spec.
		String scan = SCAN.replace("&csi=true", "&csi=false");
		assertThat(mvc.get().uri(URI.create(scan)).accept(MediaType.ALL)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.startsWith("No scan of this spec has run on this cluster yet");
		assertThat(simulatedClusterClient.apps().daemonSets().inAnyNamespace().list().getItems())
			.noneMatch((daemonSet) -> daemonSet.getMetadata().getName().startsWith("px-wizard-disk-scan-"));
		assertThat(mvc.post().uri(URI.create(scan)).with(csrf())).hasStatusOk();
		assertThat(mvc.get().uri(URI.create(scan)).accept(MediaType.ALL)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.bodyText()
			.startsWith("Only 2 of 3 nodes have a disk Portworx would use")
			.containsPattern("/dev/sdb +100 GiB +SSD +storage +unformatted and unmounted");
	}

	@Test
	void noScanStartsWhileAnotherReplicaHoldsTheCluster() {
		ClusterLease other = new ClusterLease(
				new LeaseProperties("kube-system", "px-wizard", Duration.ofSeconds(30), "replica-b"));
		ClusterLease.Claim.Taken apply = (ClusterLease.Claim.Taken) other.acquire(simulatedClusterClient, "run-1",
				"APPLY", "olga");
		try {
			String scan = SCAN.replace("&lh=true", "&lh=false");
			assertThat(mvc.post().uri(URI.create(scan)).with(csrf()).header("HX-Request", "true")).hasStatusOk()
				.bodyText()
				.contains("The scan did not run; nothing was started on the nodes:")
				.contains("the cluster is busy: px-wizard instance replica-b holds lease kube-system/px-wizard "
						+ "for a run (apply); scan again when it has ended")
				.doesNotContain("Portworx would not start");
			assertThat(simulatedClusterClient.apps().daemonSets().inAnyNamespace().list().getItems())
				.noneMatch((daemonSet) -> daemonSet.getMetadata().getName().startsWith("px-wizard-disk-scan-"));
			// Not kept as the spec's last scan: it says nothing of the disks.
			assertThat(mvc.get().uri(URI.create(scan)).accept(MediaType.ALL)).hasStatus(HttpStatus.NOT_FOUND);
		}
		finally {
			apply.held().release();
			other.destroy();
		}
	}

	@Test
	void applyAsksForAConfirmationAfterAFailedScan() {
		cluster.disks().set("node-1", SimulatedDisks.resource("root-only.json"));
		cluster.disks().set("node-2", SimulatedDisks.resource("root-only.json"));
		assertThat(mvc.post().uri(URI.create(SCAN)).with(csrf())).bodyText()
			.contains("0 of 3 nodes have a disk Portworx would use");
		assertThat(mvc.post().uri(URI.create("/apply/2.8?" + Specs.SEED_QUERY)).with(csrf())).hasStatusOk()
			.hasViewName("install/confirm")
			.bodyText()
			.contains("Apply anyway", "name=\"confirmed\" value=\"true\"");
		assertThat(mvc.post().uri(URI.create("/apply/2.8?" + Specs.SEED_QUERY + "&confirmed=true")).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.startsWith("/apply/runs/")
			.doesNotContain("confirmed");
	}

}
