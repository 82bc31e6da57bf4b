package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator clicks through the seed's flow in a real Chromium, by the labels on
 * the screen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WizardBrowserTest extends BrowserTestSupport {

	@Test
	void seedFlowEndsInTheSeedsTwoCommands() throws IOException {
		browser.go("/");
		browser.click(By.linkText("Create a new spec"));
		browser.waitUntil((d) -> browser.heading().equals("Basic"));

		// Basic: Portworx Essentials with the seed's ID, the operator, version 2.8,
		// built-in ETCD.
		browser.choose("Portworx Essentials");
		browser.type("Essentials ID", Specs.ESSENTIALS_ID);
		assertThat(browser.field("Use the Portworx Operator").isSelected()).isTrue();
		browser.select("Portworx version", "2.8");
		assertThat(browser.field("Built-in").isSelected()).isTrue();
		browser.press("Next");

		// Storage: On Premises, Automatically scan disks and the three boxes.
		assertThat(browser.heading()).isEqualTo("Storage");
		assertThat(browser.field("On Premises").isSelected()).isTrue();
		browser.choose("Automatically scan disks");
		assertThat(browser
			.field("Use unmounted disks even if they have a partition or filesystem on it. "
					+ "PX will never use a drive or partition that is mounted")
			.isSelected()).isTrue();
		assertThat(browser.field("Auto").isSelected()).isTrue();
		assertThat(browser.field("Journal device path").isDisplayed()).isFalse();
		assertThat(browser.field("Skip KVDB device").isSelected()).isTrue();
		assertThat(browser.field("Drive/Device").isDisplayed()).isFalse();

		// Back keeps the answers of the Basic page.
		browser.press("Back");
		assertThat(browser.heading()).isEqualTo("Basic");
		assertThat(browser.field("Essentials ID").getAttribute("value")).isEqualTo(Specs.ESSENTIALS_ID);
		assertThat(browser.field("Portworx version").getAttribute("value")).isEqualTo("2.8");
		browser.press("Next");
		assertThat(browser.heading()).isEqualTo("Storage");
		browser.press("Next");

		// Network: skipped with Next.
		assertThat(browser.heading()).isEqualTo("Network");
		browser.press("Next");

		// Customize: None; the seed's cluster name so the commands can be compared byte
		// for byte.
		assertThat(browser.heading()).isEqualTo("Customize");
		assertThat(browser.field("None").isSelected()).isTrue();
		String generatedName = browser.field("Cluster Name").getAttribute("value");
		assertThat(generatedName).matches("px-cluster-[0-9a-f-]{36}");
		browser.type("Cluster Name", Specs.CLUSTER_NAME);
		browser.press("Finish");

		assertThat(browser.heading()).isEqualTo("Your spec is ready");
		assertThat(commandText("cmd-1")).isEqualTo(Specs.SEED_OPERATOR_COMMAND);
		assertThat(commandText("cmd-2")).isEqualTo(Specs.SEED_SPEC_COMMAND);
		assertThat(browser.currentPath()).isEqualTo("/spec/2.8?" + Specs.SEED_QUERY);
		WebElement copy = browser.driver().findElement(By.cssSelector("[data-copy='cmd-2']"));
		assertThat(copy.getText()).isEqualTo("Copy");
		assertThat(copy.getAttribute("aria-label")).isEqualTo("Copy command 2");
		browser.screenshot(Path.of("target", "screenshots", "finish.png"));

		// The copy button puts the exact command on the clipboard.
		browser.driver()
			.executeCdpCommand("Browser.grantPermissions",
					Map.of("permissions", java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		copy.click();
		browser.waitUntil((d) -> copy.getText().equals("Copied"));
		Object clipboard = browser.driver()
			.executeAsyncScript("navigator.clipboard.readText().then(arguments[arguments.length - 1])");
		assertThat(clipboard).isEqualTo(Specs.SEED_SPEC_COMMAND);
	}

	@Test
	void wrongEssentialsIdIsShownNextToTheField() throws IOException {
		browser.go("/wizard");
		browser.waitUntil((d) -> browser.heading().equals("Basic"));
		browser.type("Essentials ID", "not-an-id'; rm -rf /");
		browser.press("Next");
		assertThat(browser.heading()).isEqualTo("Basic");
		browser.screenshot(Path.of("target", "screenshots", "basic-error.png"));
		WebElement error = browser.driver().findElement(By.id("user-error"));
		assertThat(error.getText()).startsWith("An Essentials ID is a UUID");
		assertThat(browser.field("Essentials ID").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.field("Essentials ID").getAttribute("value")).isEqualTo("not-an-id'; rm -rf /");
	}

	@Test
	void manualDisksShowTheDeviceField() {
		browser.go("/wizard/2.8/storage?" + Specs.SEED_QUERY);
		browser.choose("Manually specify disks");
		assertThat(browser.field("Drive/Device").isDisplayed()).isTrue();
		browser.type("Drive/Device", "/dev/sdb,/dev/sdc");
		browser.press("Next");
		assertThat(browser.heading()).isEqualTo("Network");
		assertThat(browser.currentPath()).contains("&s=%2Fdev%2Fsdb%2C%2Fdev%2Fsdc&");
	}

	@Test
	void manifestsOpenHighlightedAndTheSourceSwitchMovesTheCommands() throws IOException {
		browser.go("/spec/2.8?" + Specs.SEED_QUERY);
		browser.click(By.xpath("//summary[normalize-space()='StorageCluster spec']"));
		WebElement yaml = browser.driver().findElement(By.cssSelector("details[open] code.language-yaml"));
		browser.waitUntil((d) -> yaml.getAttribute("class").contains("hljs"));
		assertThat(yaml.getText()).contains("kind: StorageCluster", "name: " + Specs.CLUSTER_NAME);
		browser.screenshot(Path.of("target", "screenshots", "finish-manifest.png"));
		browser.click(By.linkText("this server (air-gapped)"));
		browser.waitUntil((d) -> commandText("cmd-1").contains("/install/2.8?comp=pxoperator"));
		assertThat(commandText("cmd-1"))
			.isEqualTo("kubectl apply -f 'http://127.0.0.1:" + port + "/install/2.8?comp=pxoperator'");
		assertThat(commandText("cmd-2"))
			.startsWith("kubectl apply -f 'http://127.0.0.1:" + port + "/install/2.8?operator=true&mc=false");
	}

	@Test
	void savedSpecIsFoundOnTheSpecsPageAndReopensWithTheSameCommands() {
		browser.go("/spec/2.8?" + Specs.SEED_QUERY);
		String name = "browser " + System.nanoTime();
		browser.type("Name", name);
		browser.press("Save spec");
		assertThat(browser.heading()).isEqualTo(name);
		browser.click(By.linkText("Specs"));
		browser.waitUntil((d) -> browser.heading().equals("Saved specs"));
		browser.click(By.linkText(name));
		browser.waitUntil((d) -> browser.heading().equals(name));
		browser.click(By.linkText("Open"));
		browser.waitUntil((d) -> browser.heading().equals("Your spec is ready"));
		assertThat(commandText("cmd-1")).isEqualTo(Specs.SEED_OPERATOR_COMMAND);
		assertThat(commandText("cmd-2")).isEqualTo(Specs.SEED_SPEC_COMMAND);
	}

	private String commandText(String id) {
		return browser.driver().findElement(By.id(id)).getText();
	}

}
