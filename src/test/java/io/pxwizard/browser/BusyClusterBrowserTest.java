package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;

import io.pxwizard.cluster.ClusterLease;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second Apply while one runs lands on the running one's progress, with who holds the
 * cluster in words.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=100ms" })
@Import(SimulatedClusterConfiguration.class)
class BusyClusterBrowserTest extends BrowserTestSupport {

	@Autowired
	private SimulatedCluster cluster;

	@Autowired
	private ClusterLease lease;

	@AfterEach
	void resume() {
		cluster.operator().pause(false);
	}

	@Test
	void aSecondApplyShowsTheRunningOneAndWhoHoldsTheCluster() throws IOException {
		cluster.operator().pause(true);
		browser.go("/spec/2.8?" + Specs.SEED_QUERY + "&source=local");
		browser.press("Apply to cluster");
		browser.waitUntil((d) -> d.findElement(By.id("apply-progress")).getText().toLowerCase().contains("waiting"));
		String first = browser.currentPath();
		assertThat(browser.driver().findElements(By.cssSelector("[role=alert]"))).isEmpty();

		browser.go("/spec/2.8?" + Specs.SEED_QUERY + "&source=local");
		browser.press("Apply to cluster");
		browser.waitUntil((d) -> !d.findElements(By.cssSelector(".alert-warning[role=alert]")).isEmpty());
		assertThat(browser.currentPath()).isEqualTo(first);
		assertThat(browser.driver().findElement(By.cssSelector(".alert-warning[role=alert]")).getText())
			.isEqualTo("The cluster is busy with an apply on px-wizard instance " + lease.instance()
					+ ": here is its progress.");
		browser.screenshot(Path.of("target", "screenshots", "apply-busy.png"));
	}

}
