package dev.daca;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver), each with a fresh profile and its console log
 * kept (read with {@code driver.manage().logs().get(LogType.BROWSER)}). Tests that need it fail, saying how to
 * install it, when it is not there: {@code apt-get install -y chromium chromium-driver}.
 */
final class Chromium {

	static final File BROWSER = new File(System.getProperty("daca.chromium", "/usr/bin/chromium"));

	static final File DRIVER = new File(System.getProperty("daca.chromedriver", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	static void requireInstalled() {
		if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
			throw new IllegalStateException("Chromium is not installed (" + BROWSER + ", " + DRIVER
					+ "): the browser tests need it. Install it with: apt-get update && apt-get install -y "
					+ "chromium chromium-driver (or point -Ddaca.chromium and -Ddaca.chromedriver at them)");
		}
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
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}
}
