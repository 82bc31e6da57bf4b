package io.pxwizard.apply;

import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallSpec;

import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The preflight panel is loaded into the finish page by htmx: whatever goes wrong, it
 * answers 200 in words.
 */
@WizardWebTest
class PreflightPanelTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterConnection connection;

	@MockitoBean
	private Preflight preflight;

	private SimulatedCluster cluster;

	private KubernetesClient client;

	@BeforeEach
	void connect() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
		connection.use(client, cluster.info());
	}

	@AfterEach
	void disconnect() {
		connection.disconnect();
		client.close();
		cluster.close();
	}

	@Test
	void aFailingPreflightIsALineInThePanelNotAServerError() {
		given(preflight.run(any(), any())).willThrow(new IllegalStateException("something unexpected"));
		// Before: a 500 inside the page's panel.
		assertThat(mvc.get().uri("/preflight/2.8?" + Specs.SEED_QUERY)).hasStatusOk()
			.bodyText()
			.contains("The preflight could not run: Error from server (Error): something unexpected");
	}

	@Test
	void aClusterErrorIsNamedAsKubectlWouldName() {
		given(preflight.run(any(), any())).willThrow(
				new KubernetesClientException("Operation failed", new java.net.ConnectException("Connection refused")));
		assertThat(mvc.get().uri("/preflight/2.8?" + Specs.SEED_QUERY)).hasStatusOk()
			.bodyText()
			.contains("The preflight could not run: Unable to connect to the server: ");
	}

	@Test
	void overARunningOlderReleaseThePanelSaysItIsAnUpgrade() {
		given(preflight.run(any(), any())).willReturn(new Preflight.Result(java.util.List.of(), "1.30.2"));
		ApplyRun install = ApplyRunFixture.newRun("2.8", Specs.SEED_QUERY, cluster.info());
		ManifestFixture fixture = new ManifestFixture();
		InstallSpec seed = fixture.seed();
		new Installer(new ClusterProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20),
				Duration.ofSeconds(20)))
			.apply(install, client,
					new ApplyPlan(fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(seed)),
							fixture.manifests.clusterObjects(seed), "kube-system"));
		assertThat(install.state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(mvc.get().uri("/preflight/2.8?" + Specs.SEED_QUERY)).hasStatusOk()
			.bodyText()
			.doesNotContain("upgrade-headline");
		assertThat(mvc.get().uri("/preflight/3.1?" + Specs.SEED_QUERY)).hasStatusOk()
			.bodyText()
			.contains("id=\"upgrade-headline\"", "Upgrade Portworx 2.8.1.5 to 3.1.9");
	}

}
