package io.pxwizard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.pxwizard.model.Specs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import testidp.TestIdentityProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with a real OpenID Connect provider, in the real browser: authorization code
 * with PKCE (the provider requires it), the role from the groups claim, a user in no
 * group refused in words, sign-out. The provider is Spring Authorization Server, started
 * here on localhost (px-wizard is on 127.0.0.1, so their cookies stay apart).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=0.0.0.0", "px-wizard.cluster.auto-connect=false" })
class OidcBrowserTest extends BrowserTestSupport {

	private static ConfigurableApplicationContext provider;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		// px-wizard's port is chosen first: the provider only sends a signed-out browser
		// back to a URI it knows exactly.
		int port = freePort();
		registry.add("server.port", () -> port);
		provider = TestIdentityProvider.start(port);
		String registration = "spring.security.oauth2.client.registration.oidc.";
		registry.add(registration + "client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		registry.add(registration + "authorization-grant-type", () -> "authorization_code");
		registry.add(registration + "scope", () -> "openid,profile");
		registry.add(registration + "provider", () -> "idp");
		registry.add("spring.security.oauth2.client.provider.idp.issuer-uri",
				() -> "http://localhost:" + TestIdentityProvider.port(provider));
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void anOperatorSignsInWithTheProviderActsAndSignsOut() throws IOException {
		signIn("olga");
		browser.go("/spec/2.8?" + Specs.SEED_QUERY);
		assertThat(browser.driver().findElements(By.id("save"))).hasSize(1);
		browser.screenshot(Path.of("target", "screenshots", "oidc-operator.png"));
		browser.button("Sign out olga").click();
		// Through the provider's end_session_endpoint and back.
		browser.waitUntil((d) -> d.getCurrentUrl().endsWith("/login?logout"));
		browser.go("/specs");
		assertThat(browser.currentPath()).isEqualTo("/login");
		// Signed out of the provider too: signing in asks for the password again.
		browser.click(By.linkText("Sign in with your identity provider"));
		browser.waitUntil((d) -> d.getCurrentUrl().startsWith("http://localhost:")
				&& !d.findElements(By.id("password")).isEmpty());
		assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aViewerSignsInWithTheProviderAndOnlyLooks() {
		signIn("victor");
		browser.go("/spec/2.8?" + Specs.SEED_QUERY);
		assertThat(browser.driver().findElements(By.id("save"))).isEmpty();
	}

	@Test
	void aTokenWithoutTheGroupsClaimIsRefusedInWords() throws IOException {
		browser.go("/login");
		browser.click(By.linkText("Sign in with your identity provider"));
		providerLogin("nogroups");
		browser.waitUntil((d) -> d.getCurrentUrl().contains("/login?error"));
		assertThat(browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
			.contains("The identity provider's sign-in was refused")
			.contains("sent no 'groups' claim");
		browser.screenshot(Path.of("target", "screenshots", "oidc-refused.png"));
	}

	@Test
	void aUserInNeitherGroupIsRefusedInWords() {
		browser.go("/login");
		browser.click(By.linkText("Sign in with your identity provider"));
		providerLogin("stranger");
		browser.waitUntil((d) -> d.findElement(By.cssSelector("[role=alert]"))
			.getText()
			.contains("you are in neither px-wizard-operators nor px-wizard-viewers"));
	}

	private void signIn(String user) {
		browser.go("/login");
		browser.click(By.linkText("Sign in with your identity provider"));
		providerLogin(user);
		browser.waitUntil((d) -> d.findElement(By.tagName("header")).getText().contains("Sign out " + user));
	}

	private void providerLogin(String user) {
		browser.waitUntil((d) -> d.getCurrentUrl().startsWith("http://localhost:"));
		browser.driver().findElement(By.id("username")).sendKeys(user);
		browser.driver().findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
		browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
	}

}
