package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;

import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the install, as an administrator does it: StorageClasses for MongoDB and Redis on
 * the finish page, Apply, then Verify storage from the status page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "px-wizard.cluster.auto-connect=false", "px-wizard.simulation.step=100ms",
				"px-wizard.verify.timeout=1m" })
@Import(SimulatedClusterConfiguration.class)
class StorageBrowserTest extends BrowserTestSupport {

	@Test
	void createTheDatabasesClassesThenVerifyOne() throws IOException {
		browser.go("/spec/2.8?" + Specs.SEED_QUERY + "&source=local");
		browser.click(By.id("use-mongodb"));
		browser.click(By.id("use-redis"));
		new Select(browser.driver().findElement(By.id("repl-redis"))).selectByVisibleText("2");
		browser.click(By.id("default-mongodb"));
		browser.press("Update StorageClasses");
		assertThat(browser.currentPath()).startsWith("/spec/2.8");
		assertThat(browser.driver().getCurrentUrl()).contains("sc=mongodb%3Apx-mongodb%3A3%2Credis%3Apx-redis%3A2",
				"scdefault=px-mongodb", "source=local");
		assertThat(browser.driver().findElement(By.id("storage-classes-yaml")).getText()).contains("name: px-mongodb",
				"name: px-redis", "repl: \"2\"");
		// The commands stay Portworx Central's, without px-wizard's StorageClasses.
		assertThat(browser.driver().findElement(By.id("cmd-2")).getText()).doesNotContain("sc=");
		browser.screenshot(Path.of("target", "screenshots", "storage-classes.png"));

		browser.press("Apply to cluster");
		browser.driver().manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
			.until((d) -> d.findElement(By.id("apply-progress")).getText().contains("Watch the install"));
		assertThat(browser.driver().findElement(By.id("apply-progress")).getText()).containsSubsequence(
				"condition met: phase Online", "storageclass.storage.k8s.io/px-mongodb serverside-applied",
				"storageclass.storage.k8s.io/px-redis serverside-applied");

		browser.click(By.linkText("Watch the install"));
		browser.waitUntil((d) -> d.findElement(By.id("verify")).getText().contains("px-redis"));
		browser.driver()
			.executeScript("document.getElementById('verify').scrollIntoView({block: 'start', behavior: 'instant'});");
		browser.screenshot(Path.of("target", "screenshots", "status-storage-classes.png"));
		new Select(browser.driver().findElement(By.id("verify-class"))).selectByVisibleText("px-redis");
		browser.press("Verify storage");
		assertThat(browser.heading()).isEqualTo("Verify storage");
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
			.until((d) -> d.findElement(By.id("apply-progress")).getText().contains("The StorageClass works"));
		assertThat(browser.driver().findElement(By.id("apply-progress")).getText()).containsSubsequence(
				"created (1Gi, storageClassName px-redis)", "Bound to pvc-", "Succeeded after", "deleted (clean-up)");
		browser.screenshot(Path.of("target", "screenshots", "verify-storage.png"));
	}

}
