package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;

import io.pxwizard.simulation.SimulatedClusterConfiguration;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finish page → Apply → the progress lines appear one by one → the link to the live
 * status.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=100ms" })
@Import(SimulatedClusterConfiguration.class)
class ApplyBrowserTest extends BrowserTestSupport {

	@Test
	void applyShowsEveryObjectAsItHappensAndLinksToStatus() throws IOException {
		// This machine cannot reach install.portworx.com: apply px-wizard's own
		// manifests.
		browser.go("/spec/2.8?" + Specs.SEED_QUERY + "&source=local");
		assertThat(browser.driver().findElement(By.cssSelector(".cluster-indicator")).getText())
			.contains("simulated cluster");
		// The preflight panel loads by itself.
		browser.waitUntil((d) -> d.findElement(By.id("preflight")).getText().contains("3 of 3 nodes Ready"));
		assertThat(browser.driver().findElement(By.id("preflight")).getText()).contains("v1.30.2+k3s1");
		// The cluster's version as Portworx's docs put it into kbver: no leading v, k3s's
		// suffix kept.
		WebElement useVersion = browser.driver().findElement(By.partialLinkText("for kbver"));
		assertThat(useVersion.getText()).contains("(1.30.2+k3s1)");
		assertThat(useVersion.getAttribute("href")).contains("kbver=1.30.2%2Bk3s1");

		browser.screenshot(Path.of("target", "screenshots", "finish-preflight.png"));
		browser.press("Apply to cluster");
		assertThat(browser.heading()).isEqualTo("Apply to cluster");
		browser.waitUntil((d) -> d.findElement(By.id("apply-progress"))
			.getText()
			.contains("secret/px-essential serverside-applied"));
		String progress = browser.driver().findElement(By.id("apply-progress")).getText();
		assertThat(progress).containsSubsequence("serviceaccount/portworx-operator serverside-applied",
				"deployment.apps/portworx-operator successfully rolled out",
				"customresourcedefinition.apiextensions.k8s.io/storageclusters.core.libopenstorage.org condition met",
				"storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME + " serverside-applied");
		WebElement watch = browser.driver().findElement(By.linkText("Watch the install"));
		assertThat(watch.getAttribute("href")).endsWith("/status?ns=kube-system");
		browser.screenshot(Path.of("target", "screenshots", "apply.png"));
	}

}
