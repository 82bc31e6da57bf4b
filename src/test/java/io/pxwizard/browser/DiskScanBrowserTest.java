package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;

import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** From the finish page's preflight to the disk preflight, scanned in place by htmx. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=100ms" })
@Import(SimulatedClusterConfiguration.class)
class DiskScanBrowserTest extends BrowserTestSupport {

	@Test
	void theAdministratorScansTheNodesDisksFromThePreflight() throws IOException {
		browser.go("/spec/2.8?" + Specs.SEED_QUERY);
		browser.waitUntil((d) -> !d.findElements(By.partialLinkText("Disk preflight")).isEmpty());
		// In the finish page's preflight panel, in place.
		browser.driver().executeScript("window.notReloaded = true;");
		browser.button("Scan the nodes' disks").click();
		browser.waitUntil((d) -> d.findElement(By.id("disk-scan")).getText().contains("nodes have a disk"));
		assertThat(browser.driver().findElement(By.id("disk-scan")).getText()).contains("/dev/sdb");
		assertThat(browser.driver().executeScript("return window.notReloaded === true;")).isEqualTo(true);
		browser.screenshot(Path.of("target", "screenshots", "finish-disk-scan.png"));
		// And on its own page.
		browser.click(By.partialLinkText("Disk preflight"));
		browser.waitUntil((d) -> browser.heading().equals("Disk preflight"));
		browser.driver().executeScript("window.notReloaded = true;");

		browser.button("Scan the nodes' disks").click();
		browser.waitUntil((d) -> d.findElement(By.id("scan-result")).getText().contains("nodes have a disk"));
		String result = browser.driver().findElement(By.id("scan-result")).getText();
		assertThat(result).contains("node-1", "node-2", "node-3", "/dev/sdb", "unformatted and unmounted",
				"mounted at /boot");
		assertThat(browser.driver().executeScript("return window.notReloaded === true;")).isEqualTo(true);
		browser.screenshot(Path.of("target", "screenshots", "disk-scan.png"));
	}

}
