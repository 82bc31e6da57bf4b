package io.pxwizard.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A fresh headless Chromium for each test, pointed at the application's random port. */
abstract class BrowserTestSupport {

	@LocalServerPort
	protected int port;

	protected Browser browser;

	@BeforeEach
	void openBrowser() throws IOException {
		browser = Browser.open("http://127.0.0.1:" + port);
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

}
