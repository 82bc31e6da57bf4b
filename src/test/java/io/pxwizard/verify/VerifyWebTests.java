package io.pxwizard.verify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterConnection.ClusterChanged;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.status.StatusBoards;
import io.pxwizard.status.TestBoards;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A spec with StorageClasses applied, the status page's StorageClasses and Verify
 * storage, behind CSRF; leftovers of a stopped verification removed on connect.
 */
@SpringBootTest(properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=50ms",
		"px-wizard.verify.timeout=30s" })
@AutoConfigureMockMvc
@Import(SimulatedClusterConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyWebTests {

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

	@Autowired
	private ClusterConnection connection;

	@Test
	void theStatusPageListsTheClassesAndVerifiesOne() {
		MvcTestResult applied = mvc.post()
			.uri(URI.create("/apply/2.8?" + Specs.SEED_QUERY
					+ "&sc=mongodb%3Apx-mongodb%3A3&scdefault=px-mongodb&source=local&confirmed=true"))
			.with(csrf())
			.exchange();
		assertThat(applied).hasStatus(HttpStatus.FOUND);
		String apply = applied.getMvcResult().getResponse().getRedirectedUrl();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mvc.get().uri(apply).accept(MediaType.TEXT_HTML)).bodyText()
				.contains("storageclass.storage.k8s.io/px-mongodb</span>", "Watch the install"));

		assertThat(mvc.get().uri("/status").accept(MediaType.TEXT_HTML)).bodyText()
			.contains("id=\"verify\"", ">px-mongodb</span>", ">default</span>", "pxd.portworx.com")
			.contains("<option value=\"px-mongodb\">px-mongodb</option>");

		assertThat(mvc.post().uri("/verify").param("storageClass", "px-mongodb")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/verify").param("storageClass", "local-path").with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/status?ns=kube-system#verify")
			.flash()
			.containsEntry("verifyProblem", "verify.error.storageClass");
		assertThat(mvc.post()
			.uri("/verify")
			.param("storageClass", "px-mongodb")
			.param("ns", "x\r\nSet-Cookie:a")
			.with(csrf())).hasStatus(HttpStatus.FOUND).redirectedUrl().doesNotContain("\n");

		MvcTestResult verify = mvc.post().uri("/verify").param("storageClass", "px-mongodb").with(csrf()).exchange();
		assertThat(verify).hasStatus(HttpStatus.FOUND).redirectedUrl().startsWith("/apply/runs/");
		String run = verify.getMvcResult().getResponse().getRedirectedUrl();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
				.contains("The StorageClass works"));
		assertThat(mvc.get().uri(run).accept(MediaType.TEXT_HTML)).bodyText()
			.contains("<h1 class=\"h3 mb-1\">Verify storage</h1>", "Bound to pvc-", "deleted (clean-up)");
		assertThat(mvc.get().uri("/history").accept(MediaType.TEXT_HTML)).bodyText().contains("Verify storage");
	}

	@Test
	void whatAStoppedVerificationLeftIsRemovedButNotOneUnderWay(@Autowired VerifyLeftovers leftovers,
			@Autowired ApplicationEventPublisher events) {
		claim("px-wizard-verify-left");
		ConnectedCluster connected = connection.current().orElseThrow();
		// Younger than a whole verification: another px-wizard may be verifying with it.
		events.publishEvent(new ClusterChanged(cluster.info(), cluster.info()));
		leftovers.remove(connected, Instant.now().minus(Duration.ofHours(1)));
		assertThat(verifyClaims()).containsExactly("px-wizard-verify-left");
		// Once older than that, it is a leftover.
		leftovers.remove(connected, Instant.now().plus(Duration.ofSeconds(1)));
		assertThat(verifyClaims()).isEmpty();
	}

	private List<String> verifyClaims() {
		return simulatedClusterClient.persistentVolumeClaims()
			.inNamespace("default")
			.withLabel(StorageVerifier.TASK_LABEL)
			.list()
			.getItems()
			.stream()
			.map((claim) -> claim.getMetadata().getName())
			.toList();
	}

	private void claim(String name) {
		simulatedClusterClient.persistentVolumeClaims()
			.inNamespace("default")
			.resource(new PersistentVolumeClaimBuilder().withNewMetadata()
				.withName(name)
				.withNamespace("default")
				.addToLabels(StorageVerifier.TASK_LABEL, StorageVerifier.TASK)
				.endMetadata()
				.withNewSpec()
				.withStorageClassName("px-none")
				.withNewResources()
				.addToRequests("storage", new Quantity("1Gi"))
				.endResources()
				.endSpec()
				.build())
			.create();
	}

}
