package io.pxwizard.uninstall;

import java.net.URI;
import java.time.Duration;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.model.Specs;
import io.pxwizard.security.HostilePayloads;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.status.StatusBoards;
import io.pxwizard.status.TestBoards;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import io.pxwizard.simulation.SimulatedVolumes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The uninstall page and its form on the simulated cluster: what it shows, what it
 * refuses (no CSRF token, a wrong name, no strategy, volumes not accepted), an uninstall
 * to the end, and one resumed from the status page.
 */
@SpringBootTest(properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=50ms",
		"px-wizard.cluster.uninstall-timeout=60s" })
@AutoConfigureMockMvc
@Import(SimulatedClusterConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UninstallWebTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SimulatedCluster cluster;

	@Autowired
	private KubernetesClient simulatedClusterClient;

	@AfterAll
	void closeBoards(@Autowired StatusBoards boards) {
		TestBoards.close(boards, simulatedClusterClient);
	}

	@AfterEach
	void portworxIsGoneAgain() {
		cluster.operator().pause(false);
		simulatedClusterClient.pods().inNamespace("default").delete();
		simulatedClusterClient.persistentVolumeClaims().inNamespace("default").delete();
		simulatedClusterClient.persistentVolumes().delete();
		await().atMost(Duration.ofSeconds(30)).until(() -> storageCluster() == null);
	}

	@Test
	void withoutPortworxThePageSaysThereIsNothingToUninstall() {
		assertThat(mvc.get().uri("/uninstall").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("Portworx does not run on this cluster")
			.doesNotContain("id=\"uninstall-form\"");
	}

	@Test
	void theFormRefusesWhatACloudConsoleWouldThenUninstallsAndWipes() {
		install();
		assertThat(mvc.get().uri("/uninstall").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("Portworx 2.8.1.5, operator 1.5.2 runs here (storagecluster.core.libopenstorage.org/"
					+ Specs.CLUSTER_NAME + " in namespace kube-system).")
			.contains("To confirm, type the cluster&#39;s name</span>",
					"<code>" + Specs.CLUSTER_NAME + "</code></label>")
			.contains("No PersistentVolume or PersistentVolumeClaim of Portworx")
			.contains("spec.deleteStrategy.type: UninstallAndWipe")
			.contains("href=\"/spec/2.8?");

		assertThat(mvc.post().uri("/uninstall").param("strategy", "UNINSTALL").param("clusterName", Specs.CLUSTER_NAME))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("UNINSTALL", "px-cluster-wrong", false)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.contains("The name typed is not the cluster&#39;s name.", "aria-invalid=\"true\"");
		assertThat(post("", Specs.CLUSTER_NAME, false)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.contains("Choose a delete strategy.");
		for (String payload : HostilePayloads.ALL) {
			assertThat(post(payload, payload, false)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
				.bodyText()
				.contains("Choose a delete strategy.", "The name typed is not the cluster&#39;s name.")
				.doesNotContain("<script>alert", "<img src=x", "\u001b[31m");
		}

		SimulatedVolumes.createDatabase(simulatedClusterClient, "default", "mongo-0", "px-mongo");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !simulatedClusterClient.persistentVolumes().list().getItems().isEmpty());
		assertThat(mvc.get().uri("/uninstall").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("Without Portworx these volumes become unusable", "<code>default/data-mongo-0</code>",
					"<code>default/mongo-0</code>");
		assertThat(post("UNINSTALL_AND_WIPE", Specs.CLUSTER_NAME, false)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.contains("Tick the box: Portworx volumes are on this cluster and their data is destroyed by the wipe.");
		assertThat(storageCluster().getMetadata().getDeletionTimestamp()).isNull();

		MvcTestResult started = post("UNINSTALL_AND_WIPE", Specs.CLUSTER_NAME, true);
		assertThat(started).hasStatus(HttpStatus.FOUND).redirectedUrl().startsWith("/apply/runs/");
		String run = started.getMvcResult().getResponse().getRedirectedUrl();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
				.contains("Portworx is uninstalled."));
		assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
			.contains("<h1 class=\"h3 mb-1\">Uninstall Portworx</h1>", "Uninstall Portworx and wipe its disks")
			.contains("patched (spec.deleteStrategy.type: UninstallAndWipe, ignoreVolumes: true)");
		assertThat(mvc.get().uri("/history").accept(MediaType.TEXT_HTML)).bodyText()
			.contains("Uninstall Portworx and wipe its disks");
	}

	@Test
	void theStatusPageShowsAnInterruptedUninstallAndItResumesFromThere() {
		install();
		assertThat(mvc.get().uri("/status").accept(MediaType.TEXT_HTML)).bodyText()
			.contains("href=\"/uninstall\">Uninstall Portworx</a>")
			.doesNotContain("id=\"uninstall-in-progress\"");
		// Another px-wizard (or kubectl) started it and stopped before the end.
		cluster.operator().pause(true);
		var resource = simulatedClusterClient.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME);
		resource.patch(PatchContext.of(PatchType.JSON_MERGE),
				"{\"spec\":{\"deleteStrategy\":{\"type\":\"Uninstall\"}}}");
		resource.delete();

		assertThat(mvc.get().uri("/status").accept(MediaType.TEXT_HTML)).bodyText()
			.contains("id=\"uninstall-in-progress\"", "(spec.deleteStrategy.type: Uninstall)",
					">Follow or resume the uninstall</a>");
		assertThat(mvc.get().uri("/uninstall").accept(MediaType.TEXT_HTML)).bodyText()
			.contains("An uninstall is in progress", ">Resume the uninstall</button>");

		MvcTestResult resumed = post("UNINSTALL", Specs.CLUSTER_NAME, false);
		assertThat(resumed).hasStatus(HttpStatus.FOUND).redirectedUrl().startsWith("/apply/runs/");
		String run = resumed.getMvcResult().getResponse().getRedirectedUrl();
		// While px-wizard follows it, the page points at that run rather than offer a
		// second.
		assertThat(mvc.get().uri("/uninstall").accept(MediaType.TEXT_HTML)).bodyText()
			.contains(
					"px-wizard is running &quot;Uninstall Portworx (keep the data on the disks)&quot; on this cluster now.",
					"href=\"" + run + "\">Follow it</a>")
			.doesNotContain("id=\"uninstall-form\"");
		cluster.operator().pause(false);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
				.contains("Portworx is uninstalled."));
		assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
			.contains("following the operator", "serviceaccount/portworx-operator</span>");
	}

	@Test
	void aSpecOfAnotherNamespaceIsNotTheOneToUninstallWith() {
		install();
		String elsewhere = "/uninstall/2.8?" + Specs.SEED_QUERY.replace("&st=k8s", "&ns=portworx&st=k8s");
		assertThat(mvc.get().uri(URI.create(elsewhere)).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("This spec installs into portworx, but Portworx runs in kube-system here");
		assertThat(mvc.post()
			.uri(URI.create(elsewhere))
			.param("strategy", "UNINSTALL")
			.param("clusterName", Specs.CLUSTER_NAME)
			.with(csrf())
			.accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.contains("This spec installs into another namespace than the Portworx that runs here");
		assertThat(storageCluster().getMetadata().getDeletionTimestamp()).isNull();

		// The saved spec's own namespace: its objects are removed.
		MvcTestResult started = mvc.post()
			.uri(URI.create("/uninstall/2.8?" + Specs.SEED_QUERY))
			.param("strategy", "UNINSTALL")
			.param("clusterName", Specs.CLUSTER_NAME)
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.exchange();
		assertThat(started).hasStatus(HttpStatus.FOUND).redirectedUrl().startsWith("/apply/runs/");
		String run = started.getMvcResult().getResponse().getRedirectedUrl();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
				.contains("Portworx is uninstalled.", "secret/px-essential</span>"));
	}

	@Test
	void aSavedSpecsUninstallRemovesThatSpecsObjects() {
		assertThat(mvc.get().uri(URI.create("/uninstall/2.8?" + Specs.SEED_QUERY)).accept(MediaType.TEXT_HTML))
			.hasStatusOk()
			.bodyText()
			.contains("Portworx does not run on this cluster");
		assertThat(mvc.get().uri(URI.create("/uninstall/9.9?" + Specs.SEED_QUERY)).accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	private void install() {
		MvcTestResult applied = mvc.post()
			.uri(URI.create("/apply/2.8?" + Specs.SEED_QUERY + "&source=local&confirmed=true"))
			.with(csrf())
			.exchange();
		assertThat(applied).hasStatus(HttpStatus.FOUND);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			GenericKubernetesResource storageCluster = storageCluster();
			return storageCluster != null && "Online".equals(storageCluster.get("status", "phase"));
		});
		String run = applied.getMvcResult().getResponse().getRedirectedUrl();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
				.contains("Watch the install"));
	}

	private MvcTestResult post(String strategy, String name, boolean volumesAccepted) {
		return mvc.post()
			.uri("/uninstall")
			.param("strategy", strategy)
			.param("clusterName", name)
			.param("volumesAccepted", String.valueOf(volumesAccepted))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.exchange();
	}

	private GenericKubernetesResource storageCluster() {
		return simulatedClusterClient.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get();
	}

}
