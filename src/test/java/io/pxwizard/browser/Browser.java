package io.pxwizard.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by Selenium, found by visible text as a person finds
 * things. The binaries are given explicitly so Selenium Manager never reaches for the
 * network.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Browser(ChromeDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	/**
	 * Starts Chromium, or skips the test where it is not installed: CI installs it
	 * (.ci/run) and there a missing browser is a failure, not a skip.
	 */
	static Browser open(String baseUrl) throws IOException {
		boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
		}
		assumeTrue(installed, "Debian's chromium and chromium-driver are not installed; browser tests skipped");
		Path profile = Files.createTempDirectory("px-wizard-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1200,1400", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		return new Browser(new ChromeDriver(service, options), baseUrl, profile);
	}

	ChromeDriver driver() {
		return driver;
	}

	void go(String path) {
		driver.get(baseUrl + path);
	}

	String currentPath() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	String heading() {
		return driver.findElement(By.tagName("h1")).getText();
	}

	/** The form control a visible {@code <label>} names. */
	WebElement field(String label) {
		WebElement element = driver.findElement(By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]"));
		return driver.findElement(By.id(element.getAttribute("for")));
	}

	void type(String label, String text) {
		WebElement field = field(label);
		field.clear();
		field.sendKeys(text);
	}

	void select(String label, String option) {
		new Select(field(label)).selectByVisibleText(option);
	}

	/** Clicks a label, as a person ticks a box or picks a radio button. */
	void choose(String label) {
		WebElement field = field(label);
		if (!field.isSelected()) {
			driver.findElement(By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]")).click();
		}
	}

	void untick(String label) {
		WebElement field = field(label);
		if (field.isSelected()) {
			driver.findElement(By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]")).click();
		}
	}

	WebElement button(String name) {
		return driver.findElement(By.xpath("//button[normalize-space()=" + xpathLiteral(name) + "]"));
	}

	List<WebElement> buttons(String name) {
		return driver.findElements(By.xpath("//button[normalize-space()=" + xpathLiteral(name) + "]"));
	}

	/**
	 * Scrolls an element into view at once (Bootstrap scrolls smoothly) and clicks it.
	 */
	void click(By element) {
		WebElement found = driver.findElement(element);
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", found);
		found.click();
	}

	/** Clicks a button that submits and waits for the next page. */
	void press(String name) {
		WebElement old = driver.findElement(By.tagName("html"));
		WebElement button = button(name);
		// Bootstrap scrolls smoothly: bring the button into view at once, or the click
		// lands where it was.
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
		button.click();
		waitUntil((d) -> isStale(old));
	}

	<T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	void screenshot(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
	}

	private static boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
	}

	private static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
