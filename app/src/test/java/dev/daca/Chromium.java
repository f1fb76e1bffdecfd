package dev.daca;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver), each with a fresh profile. Tests that need it are
 * skipped, saying so, when it is not installed: {@code apt-get install -y chromium chromium-driver}.
 */
final class Chromium {

	static final File BROWSER = new File(System.getProperty("daca.chromium", "/usr/bin/chromium"));

	static final File DRIVER = new File(System.getProperty("daca.chromedriver", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	static void assumeInstalled() {
		Assumptions.assumeTrue(BROWSER.canExecute() && DRIVER.canExecute(),
				"Chromium is not installed (" + BROWSER + ", " + DRIVER
						+ "): skipping the browser tests. Install it with: apt-get update && apt-get install -y "
						+ "chromium chromium-driver");
	}

	static ChromeDriver start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("daca-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}
}
