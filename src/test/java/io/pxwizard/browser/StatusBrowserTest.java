package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRuns;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The status page updates a row in place, pushed over SSE, without reloading. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=100ms" })
@Import(SimulatedClusterConfiguration.class)
class StatusBrowserTest extends BrowserTestSupport {

	@Autowired
	private SimulatedCluster cluster;

	@Autowired
	private ApplyRuns runs;

	@Autowired
	private ClusterConnection connection;

	@Autowired
	private KubernetesClient simulatedClusterClient;

	@Test
	void rowChangesInPlaceWithoutReload() throws IOException {
		ManifestFixture fixture = new ManifestFixture();
		ApplyRun run = ((ApplyRuns.Start.Started) runs.start(fixture.seed(), Specs.seedParameters(), Specs.SEED_QUERY,
				"/spec/2.8?" + Specs.SEED_QUERY, "kube-system", false, true))
			.run();
		await().atMost(Duration.ofSeconds(30)).until(() -> !run.isRunning());

		browser.go("/status?ns=kube-system");
		browser.waitUntil((d) -> d.findElement(By.id("board")).getText().contains("Install complete"));
		browser.driver().executeScript("window.notReloaded = true;");
		browser.screenshot(Path.of("target", "screenshots", "status.png"));
		// The browser ages the rows with the function the server renders them with.
		for (long seconds : new long[] { 0, 59, 119, 120, 125, 600, 601, 3599, 10799, 10800, 11100, 28799, 28800,
				172799, 172800, 190800, 691200, 729 * 86400L, 730 * 86400L, 800 * 86400L }) {
			assertThat(browser.driver().executeScript("return window.pxWizard.kubectlAge(arguments[0]);", seconds))
				.as(seconds + "s")
				.isEqualTo(io.pxwizard.status.KubectlFormat.age(Duration.ofSeconds(seconds)));
		}
		assertThat(browser.driver().findElements(By.cssSelector("td[data-created]"))).hasSize(20)
			.allSatisfy((cell) -> assertThat(cell.getText()).matches("\\d+s|\\d+m(\\d+s)?"));
		// Three nodes: every group lists its pods by name, nothing is folded, the
		// StorageNodes are in the summary.
		assertThat(browser.driver().findElements(By.cssSelector("details.folded-rows, #storage-nodes"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("board")).getText()).contains("node-1 Online");

		try (KubernetesClient client = cluster.createClient()) {
			Pod prometheus = client.pods().inNamespace("kube-system").withName("prometheus-px-prometheus-0").get();
			client.pods()
				.inNamespace("kube-system")
				.resource(new PodBuilder(prometheus).editStatus()
					.editFirstContainerStatus()
					.withRestartCount(5)
					.endContainerStatus()
					.endStatus()
					.build())
				.update();
		}
		browser.waitUntil((d) -> d.findElement(By.id("pod-prometheus-px-prometheus-0")).getText().contains(" 5 "));
		assertThat(browser.driver().executeScript("return window.notReloaded === true;")).isEqualTo(true);
	}

	@Test
	void anOpenStatusPageFollowsASwitchOfTheClusterConnection() {
		ManifestFixture fixture = new ManifestFixture();
		ApplyRuns.Start start = runs.start(fixture.seed(), Specs.seedParameters(), Specs.SEED_QUERY,
				"/spec/2.8?" + Specs.SEED_QUERY, "kube-system", false, true);
		if (start instanceof ApplyRuns.Start.Started started) {
			await().atMost(Duration.ofSeconds(30)).until(() -> !started.run().isRunning());
		}
		browser.go("/status?ns=kube-system");
		browser.waitUntil((d) -> d.findElement(By.id("board")).getText().contains("Install complete"));
		browser.driver().executeScript("window.notReloaded = true;");

		SimulatedCluster other = SimulatedCluster.start(Duration.ofMillis(100));
		try (KubernetesClient otherClient = other.createClient()) {
			connection.use(otherClient, other.info());
			// Before: "Reconnecting to the cluster..." for ever, and the old board's
			// stream left open.
			browser
				.waitUntil((d) -> d.findElement(By.id("board")).getText().contains("The cluster connection changed"));
			browser.waitUntil((d) -> d.findElements(By.id("pod-prometheus-px-prometheus-0")).isEmpty());
			assertThat(browser.driver().findElement(By.id("board")).getText()).contains(other.info().server());
			assertThat(browser.driver().executeScript("return window.notReloaded === true;")).isEqualTo(true);
		}
		finally {
			connection.use(simulatedClusterClient, cluster.info());
			other.close();
		}
	}

}
