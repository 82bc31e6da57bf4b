package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRuns;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import io.pxwizard.simulation.SimulatedVolumes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Day two as an administrator does it: open a newer release's spec over a running 2.8,
 * dry run the upgrade, apply it and watch the nodes roll; then uninstall from the status
 * page, past the volume guard and the typed name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=100ms",
				"px-wizard.cluster.uninstall-timeout=2m" })
@Import(SimulatedClusterConfiguration.class)
class DayTwoBrowserTest extends BrowserTestSupport {

	private static final String TARGET = "3.1.9";

	@Autowired
	private ApplyRuns runs;

	@Autowired
	private KubernetesClient simulatedClusterClient;

	@Test
	void upgradeTwoPointEightToThreePointOneThenUninstallAndWipe() throws IOException {
		ApplyRun install = ((ApplyRuns.Start.Started) runs.start(new ManifestFixture().seed(), Specs.seedParameters(),
				Specs.SEED_QUERY, "/spec/2.8?" + Specs.SEED_QUERY, "kube-system", false, true))
			.run();
		await().atMost(Duration.ofSeconds(30)).until(() -> !install.isRunning());
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			GenericKubernetesResource cluster = storageCluster();
			return cluster != null && "Online".equals(cluster.get("status", "phase"));
		});

		// The upgrade: the finish page of a 3.1 spec says what Apply would do.
		browser.go("/spec/3.1?" + Specs.SEED_QUERY + "&source=local");
		browser.waitUntil(
				(d) -> d.findElement(By.id("preflight")).getText().contains("Upgrade Portworx 2.8.1.5 to " + TARGET));
		browser.screenshot(Path.of("target", "screenshots", "upgrade-preflight.png"));
		browser.press("Dry run first");
		browser.waitUntil((d) -> d.findElement(By.id("apply-progress"))
			.getText()
			.contains("spec.image: portworx/oci-monitor:2.8.1.5 → portworx/oci-monitor:" + TARGET));
		assertThat(browser.driver().findElement(By.id("run-action")).getText())
			.isEqualTo("Upgrade Portworx 2.8.1.5 to " + TARGET);
		browser.press("Apply to cluster");
		browser.waitUntil((d) -> !d.findElements(By.linkText("Watch the install")).isEmpty());
		assertThat(browser.driver().findElement(By.id("apply-progress")).getText()).containsSubsequence(
				"deployment.apps/portworx-operator successfully rolled out",
				"storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME + " serverside-applied");
		browser.click(By.linkText("Watch the install"));
		browser.waitUntil((d) -> d.findElement(By.id("board")).getText().contains("Install complete"));
		assertThat(browser.driver().findElement(By.id("board")).getText()).contains(TARGET);
		browser.go("/history");
		assertThat(browser.driver().findElement(By.tagName("main")).getText())
			.contains("Upgrade Portworx 2.8.1.5 to " + TARGET);
		browser.screenshot(Path.of("target", "screenshots", "history-upgrade.png"));

		// A team's database now has a Portworx volume.
		SimulatedVolumes.createDatabase(simulatedClusterClient, "default", "mongo-0", "px-mongo");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !simulatedClusterClient.persistentVolumes().list().getItems().isEmpty());

		// The uninstall, from the status page.
		browser.go("/status?ns=kube-system");
		browser.click(By.linkText("Uninstall Portworx"));
		browser.waitUntil((d) -> "Uninstall Portworx".equals(browser.heading()));
		assertThat(browser.driver().findElement(By.id("volumes")).getText()).contains("default/data-mongo-0",
				"default/mongo-0");
		browser.click(By.id("strategy-UNINSTALL_AND_WIPE"));
		browser.driver().findElement(By.id("clusterName")).sendKeys("px-cluster");
		browser.press("Uninstall Portworx");
		WebElement name = browser.driver().findElement(By.id("clusterName"));
		assertThat(name.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.driver().findElement(By.id("name-error")).getText())
			.isEqualTo("The name typed is not the cluster's name.");
		assertThat(browser.driver().findElement(By.id("volumes-error")).getText()).startsWith("Tick the box");
		// The strategy chosen is kept.
		assertThat(browser.driver().findElement(By.id("strategy-UNINSTALL_AND_WIPE")).isSelected()).isTrue();
		browser.screenshot(Path.of("target", "screenshots", "uninstall-refused.png"));
		assertThat(storageCluster().getMetadata().getDeletionTimestamp()).isNull();

		browser.click(By.id("volumesAccepted"));
		name = browser.driver().findElement(By.id("clusterName"));
		name.clear();
		name.sendKeys(Specs.CLUSTER_NAME);
		browser.press("Uninstall Portworx");
		assertThat(browser.heading()).isEqualTo("Uninstall Portworx");
		browser.waitUntil((d) -> d.findElement(By.id("apply-progress")).getText().contains("Portworx is uninstalled."));
		assertThat(browser.driver().findElement(By.id("apply-progress")).getText()).containsSubsequence(
				"patched (spec.deleteStrategy.type: UninstallAndWipe, ignoreVolumes: true)",
				"deleted: the operator removed Portworx and let it go", "deployment.apps/portworx-operator deleted",
				"serviceaccount/portworx-operator deleted");
		browser.screenshot(Path.of("target", "screenshots", "uninstall-done.png"));
		assertThat(storageCluster()).isNull();
	}

	private GenericKubernetesResource storageCluster() {
		return simulatedClusterClient.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get();
	}

}
