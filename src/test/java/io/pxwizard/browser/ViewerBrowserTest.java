package io.pxwizard.browser;

import java.io.IOException;
import java.nio.file.Path;

import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer signs in with the form and sees the finish page without its Apply and Save
 * forms; an operator's action called anyway is refused in words, by the page and by htmx.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "server.address=0.0.0.0",
		"px-wizard.cluster.auto-connect=false", "px-wizard.security.viewer-user=watcher" })
class ViewerBrowserTest extends BrowserTestSupport {

	@DynamicPropertySource
	static void passwords(DynamicPropertyRegistry registry) {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("viewer password");
		registry.add("px-wizard.security.viewer-password-hash", () -> hash);
		registry.add("px-wizard.security.admin-password-hash", () -> hash);
	}

	@Test
	void aViewerSeesTheSpecButNotTheOperatorsFormsAndIsToldWhyWhenTryingAnyway() throws IOException {
		browser.go("/login");
		browser.type("User", "watcher");
		browser.type("Password", "viewer password");
		browser.button("Sign in").click();
		browser.waitUntil((d) -> d.findElement(By.tagName("header")).getText().contains("Sign out watcher"));

		browser.go("/spec/2.8?" + Specs.SEED_QUERY);
		assertThat(browser.heading()).isEqualTo("Your spec is ready");
		assertThat(browser.driver().findElements(By.id("save"))).isEmpty();
		assertThat(browser.buttons("Save spec")).isEmpty();
		assertThat(browser.driver().findElement(By.id("apply-heading")).findElement(By.xpath("..")).getText())
			.contains("You are signed in as a viewer");
		browser.screenshot(Path.of("target", "screenshots", "finish-viewer.png"));

		// htmx posting an operator's action: a line of words, nothing done.
		Object htmx = browser.driver()
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch('/verify', {method: 'POST', headers: {'HX-Request': 'true', 'Accept': 'text/html',"
					+ " 'Content-Type': 'application/x-www-form-urlencoded',"
					+ " [document.querySelector('meta[name=_csrf_header]').content]:"
					+ " document.querySelector('meta[name=_csrf]').content}, body: 'ns=kube-system'})"
					+ ".then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + t); }); });");
		assertThat(String.valueOf(htmx)).startsWith("403 ").contains("Only operators may do this");

		// A form posted anyway: the error page says why.
		browser.driver()
			.executeScript("var form = document.createElement('form'); form.method = 'post'; form.action = '/verify';"
					+ "var token = document.createElement('input'); token.type = 'hidden'; token.name = '_csrf';"
					+ "token.value = document.querySelector('meta[name=_csrf]').content; form.appendChild(token);"
					+ "document.body.appendChild(form); form.submit();");
		browser.waitUntil((d) -> d.findElement(By.tagName("main")).getText().contains("Only operators may do this"));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("HTTP 403")
			.contains("You are signed in as a viewer");
		browser.screenshot(Path.of("target", "screenshots", "forbidden-viewer.png"));
	}

}
