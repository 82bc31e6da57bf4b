package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.simulation.SimulatedClusterConfiguration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1,000-pod group folds: its counts by state, the pods that are not ready on top, the
 * ready ones behind a count with a filter by name or node; pushed rows move between the
 * two and the filter holds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "px-wizard.cluster.auto-connect=false")
@Import(SimulatedClusterConfiguration.class)
class FoldedBoardBrowserTest extends BrowserTestSupport {

	private static final String NS = "big";

	@Autowired
	private KubernetesClient simulatedClusterClient;

	@Test
	void aThousandPodGroupShowsCountsNotReadyFirstAndFiltersTheReadyOnes() throws IOException {
		KubernetesClient client = simulatedClusterClient;
		client.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
			.create();
		for (int i = 0; i < 1000; i++) {
			client.pods().inNamespace(NS).resource(pod(i, i % 100 != 0)).create();
		}

		browser.go("/status?ns=" + NS);
		browser.waitUntil((d) -> d.findElement(By.id("group-portworx-head")).getText().contains("990/1,000 ready"));
		assertThat(browser.driver().findElement(By.id("group-portworx-head")).getText()).contains("990 Running")
			.contains("10 ContainerCreating");
		assertThat(rows("group-portworx-not-ready")).hasSize(10);
		assertThat(readyRows()).hasSize(990);
		WebElement folded = browser.driver().findElement(By.cssSelector("#group-portworx details.folded-rows"));
		assertThat(folded.getDomAttribute("open")).isNull();
		browser.screenshot(Path.of("target", "screenshots", "status-folded.png"));

		browser.click(By.id("group-portworx-ready-summary"));
		WebElement filter = browser.driver().findElement(By.id("group-portworx-filter"));
		filter.sendKeys("px-0042");
		assertThat(visibleReadyRows()).containsExactly("pod-px-0042");
		assertThat(browser.driver()
			.findElement(By.cssSelector("[data-filter-count='group-portworx-ready-rows']"))
			.getText()).isEqualTo("1 of 990 shown");
		filter.clear();
		filter.sendKeys("node-1000");
		assertThat(visibleReadyRows()).containsExactly("pod-px-0999");
		browser.screenshot(Path.of("target", "screenshots", "status-folded-filtered.png"));

		// Pushed: a ready pod fails and moves on top, a creating one becomes ready and
		// takes its place by name among the ready ones; the filter still applies.
		browser.driver().executeScript("window.notReloaded = true;");
		client.pods().inNamespace(NS).resource(pod(999, false)).update();
		client.pods().inNamespace(NS).resource(pod(0, true)).update();
		browser.waitUntil((d) -> d.findElement(By.id("group-portworx-head")).getText().contains("990/1,000 ready")
				&& rows("group-portworx-not-ready").contains("pod-px-0999"));
		browser.waitUntil((d) -> readyRows().get(0).equals("pod-px-0000"));
		assertThat(rows("group-portworx-not-ready")).hasSize(10).last().isEqualTo("pod-px-0999");
		assertThat(visibleReadyRows()).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("tbody[id^='pod-']"))).hasSize(1000);
		assertThat(browser.driver().executeScript("return window.notReloaded === true;")).isEqualTo(true);
	}

	@SuppressWarnings("unchecked")
	private List<String> rows(String theadId) {
		return (List<String>) browser.driver()
			.executeScript("return Array.from(document.getElementById(arguments[0]).closest('table').tBodies)"
					+ ".map(function (b) { return b.id; });", theadId);
	}

	private List<String> readyRows() {
		return rows("group-portworx-ready");
	}

	@SuppressWarnings("unchecked")
	private List<String> visibleReadyRows() {
		return (List<String>) browser.driver()
			.executeScript("return Array.from(document.getElementById('group-portworx-ready-rows').tBodies)"
					+ ".filter(function (b) { return !b.hidden; }).map(function (b) { return b.id; });");
	}

	private static Pod pod(int i, boolean ready) {
		PodBuilder pod = new PodBuilder().withNewMetadata()
			.withName("px-%04d".formatted(i))
			.withNamespace(NS)
			.withCreationTimestamp("2026-12-02T10:00:00Z")
			.addToLabels("name", "portworx")
			.endMetadata()
			.withNewSpec()
			.withNodeName("node-" + (i + 1))
			.addNewContainer()
			.withName("portworx")
			.withImage("portworx/oci-monitor:2.8.1.5")
			.endContainer()
			.endSpec();
		if (ready) {
			return pod.withNewStatus()
				.withPhase("Running")
				.addNewContainerStatus()
				.withName("portworx")
				.withReady(true)
				.withRestartCount(0)
				.withNewState()
				.withNewRunning()
				.endRunning()
				.endState()
				.endContainerStatus()
				.endStatus()
				.build();
		}
		return pod.withNewStatus()
			.withPhase("Pending")
			.addNewContainerStatus()
			.withName("portworx")
			.withReady(false)
			.withRestartCount(0)
			.withNewState()
			.withNewWaiting()
			.withReason("ContainerCreating")
			.endWaiting()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build();
	}

}
