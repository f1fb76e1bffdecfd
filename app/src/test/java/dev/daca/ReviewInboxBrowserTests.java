package dev.daca;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.daca.functions.review.ProposedAction;
import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.hitl.inbox.ReviewItem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reviewer's page in a real headless Chromium against the whole app (in-process Kafka, H2): events published
 * over HTTP become review requests that appear in the open inbox without a reload, are claimed, edited and
 * approved, and leave as review.decided CloudEvents; a second reviewer's decision is refused; keyboard triage; bulk
 * approval refuses what its policy forbids. Saves the screenshots in docs/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewInboxBrowserTests {

	static final Duration WAIT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Value("${daca.kafka.embedded.bootstrap-servers}")
	String brokers;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ReviewInbox inbox;

	@Autowired
	ObjectMapper json;

	final List<WebDriver> browsers = new ArrayList<>();

	@BeforeAll
	static void chromium() {
		Chromium.requireInstalled();
	}

	/** Each browser's console log and last screen go to target/browser/ (what to read when a test fails). */
	@AfterEach
	void quit(TestInfo test) throws Exception {
		Path dir = Path.of("target", "browser");
		Files.createDirectories(dir);
		for (int i = 0; i < browsers.size(); i++) {
			ChromeDriver browser = (ChromeDriver) browsers.get(i);
			String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test") + "-" + i;
			try {
				List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
					.map(entry -> entry.getLevel() + " " + entry.getMessage())
					.toList();
				Files.write(dir.resolve(name + ".log"), console);
				// the page's requests and their answers (Chrome's performance log): what htmx really sent
				List<String> network = new ArrayList<>();
				for (var entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
					JsonNode message = json.readTree(entry.getMessage()).path("message");
					String method = message.path("method").asText();
					JsonNode params = message.path("params");
					if (method.equals("Network.requestWillBeSent")) {
						network.add(entry.getTimestamp() + " > " + params.path("request").path("method").asText() + " "
								+ params.path("request").path("url").asText() + " "
								+ params.path("request").path("headers").path("Content-Type").asText() + " "
								+ params.path("request").path("postData").asText());
					}
					else if (method.equals("Network.responseReceived")) {
						network.add(entry.getTimestamp() + " < " + params.path("response").path("status").asInt() + " "
								+ params.path("response").path("url").asText());
					}
				}
				Files.write(dir.resolve(name + ".network.log"), network);
				Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
				Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
						StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				browser.quit();
			}
		}
	}

	@Test
	void aHomeownerSeesTheUnlockArriveClaimsEditsAndApprovesItAndASecondHomeownerIsRefused() throws Exception {
		WebDriver hana = loggedIn("hana");
		waitForLiveInbox(hana);
		String homeId = "h-" + UUID.randomUUID();
		publish("home.signals", Map.of("signal", "command", "homeId", homeId, "text", "unlock the front door"));

		ReviewItem item = filed(homeId);
		// it appears in the open page without a reload
		String rowText = new WebDriverWait(hana, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("row-" + item.reviewId())).getText());
		assertThat(rowText).containsIgnoringCase("unlock");
		screenshot(hana, "inbox.png");

		hana.get(url("/inbox/" + item.reviewId()));
		hana.findElement(By.id("claim")).click();
		awaitText(hana, "status", "claimed");
		assertThat(hana.findElement(By.id("assignee")).getText()).isEqualTo("hana");

		// a second homeowner opens the same request while hana holds it
		WebDriver hugo = loggedIn("hugo");
		hugo.get(url("/inbox/" + item.reviewId()));

		hana.findElement(By.cssSelector("#edit summary")).click();
		JsonNode proposed = json.readTree(item.proposedAction()).path("parameters");
		Map<String, Object> edited = json.convertValue(proposed, Map.class);
		edited.put("autoRelockMinutes", 5);
		WebElement parameters = hana.findElement(By.id("parameters"));
		parameters.clear();
		parameters.sendKeys(json.writeValueAsString(edited));
		new WebDriverWait(hana, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diff tr.added")));
		assertThat(hana.findElement(By.cssSelector("#diff tr.added")).getText()).contains("autoRelockMinutes");
		((JavascriptExecutor) hana).executeScript("document.getElementById('diff').scrollIntoView({block: 'center'})");
		screenshot(hana, "decision.png");
		hana.findElement(By.id("approve")).click();

		awaitText(hana, "decision-outcome", "approved");
		String expectedHash = new ProposedAction(json.readTree(item.proposedAction()).path("kind").asText(), null,
				edited).sha256();
		assertThat(hana.findElement(By.id("approved-hash")).getText()).isEqualTo(expectedHash);

		// hugo's page is stale: his approval is refused, with who decided
		hugo.findElement(By.id("approve")).click();
		assertThat(awaitElement(hugo, "error-message").getText()).contains("already approved by hana");

		ConsumerRecord<byte[], byte[]> decided = readDecided(homeId);
		assertThat(header(decided, "ce_type")).isEqualTo("dev.daca.review.decided");
		JsonNode event = json.readTree(decided.value());
		assertThat(event.path("reviewId").asText()).isEqualTo(item.reviewId());
		assertThat(event.path("outcome").asText()).isEqualTo("approved");
		assertThat(event.path("decidedBy").asText()).isEqualTo("hana");
		assertThat(event.path("edited").asBoolean()).isTrue();
		assertThat(event.path("approvedHash").asText()).isEqualTo(expectedHash);
		assertThat(header(decided, "ce_id")).isEqualTo(event.path("decisionId").asText());
	}

	@Test
	void keyboardTriageClaimsApprovesAndRejectsWithTheReasonShownEscaped() throws Exception {
		WebDriver alice = loggedIn("alice");
		waitForLiveInbox(alice);
		String first = "post-" + UUID.randomUUID();
		String second = "post-" + UUID.randomUUID();
		publish("content.submitted", Map.of("postId", first, "text", "some people just shouldn't be allowed to post"));
		ReviewItem one = filed(first);
		publish("content.submitted", Map.of("postId", second, "text", "some people just shouldn't be allowed to post"));
		ReviewItem two = filed(second);
		new WebDriverWait(alice, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("row-" + two.reviewId())));

		select(alice, one.reviewId());
		keys(alice, "?");
		assertThat(alice.findElement(By.id("help")).isDisplayed()).isTrue();
		keys(alice, Keys.ESCAPE);
		keys(alice, "c");
		new WebDriverWait(alice, WAIT).until(ExpectedConditions.textToBe(By.id("status"), "claimed"));
		alice.get(url("/inbox"));
		select(alice, one.reviewId());
		keys(alice, "a");
		new WebDriverWait(alice, WAIT).until(ExpectedConditions.textToBe(By.id("decision-outcome"), "approved"));

		alice.get(url("/inbox"));
		select(alice, two.reviewId());
		keys(alice, "e");
		new WebDriverWait(alice, WAIT).until(d -> "parameters".equals(d.switchTo().activeElement().getAttribute("id")));
		assertThat(alice.findElement(By.id("edit")).getAttribute("open")).as("the editor is opened").isNotNull();

		alice.get(url("/inbox"));
		select(alice, two.reviewId());
		keys(alice, "r");
		new WebDriverWait(alice, WAIT).until(d -> "reason".equals(d.switchTo().activeElement().getAttribute("id")));
		String markup = "<script>window.pwned=1</script><b>spam</b>";
		alice.switchTo().activeElement().sendKeys(markup);
		alice.findElement(By.id("reject")).click();
		awaitText(alice, "decision-outcome", "rejected");
		assertThat(alice.findElement(By.id("decision-reason")).getText()).isEqualTo(markup);
		assertThat(((JavascriptExecutor) alice).executeScript("return window.pwned === undefined")).isEqualTo(true);
	}

	@Test
	void bulkApprovalApprovesWhatThePolicyAllowsAndRefusesTheUnlock() throws Exception {
		WebDriver admin = loggedIn("admin");
		waitForLiveInbox(admin);
		String postId = "post-" + UUID.randomUUID();
		String homeId = "h-" + UUID.randomUUID();
		publish("content.submitted", Map.of("postId", postId, "text", "some people just shouldn't be allowed to post"));
		publish("home.signals", Map.of("signal", "command", "homeId", homeId, "text", "unlock the front door"));
		ReviewItem post = filed(postId);
		ReviewItem unlock = filed(homeId);
		new WebDriverWait(admin, WAIT).until(ExpectedConditions.and(
				ExpectedConditions.presenceOfElementLocated(By.id("row-" + post.reviewId())),
				ExpectedConditions.presenceOfElementLocated(By.id("row-" + unlock.reviewId()))));
		// the list is re-rendered by live updates (each filing refreshes it): pick both once the rows have settled
		pickAll(admin, post.reviewId(), unlock.reviewId());
		Thread.sleep(1000);
		pickAll(admin, post.reviewId(), unlock.reviewId());
		admin.findElement(By.id("bulk-approve")).click();

		String result = new WebDriverWait(admin, WAIT)
			.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-result")))
			.getText();
		assertThat(result).contains("1 approved", "1 refused", unlock.reviewId(), "forbids bulk");
		assertThat(inbox.find(post.reviewId()).orElseThrow().status().name()).isEqualTo("APPROVED");
		assertThat(inbox.find(unlock.reviewId()).orElseThrow().isOpen()).isTrue();
	}

	/** Tick the rows' bulk boxes, again if a live refresh replaced a row in between. */
	private static void pickAll(WebDriver browser, String... reviewIds) {
		new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(driver -> {
				for (String id : reviewIds) {
					org.openqa.selenium.WebElement pick = driver.findElement(By.cssSelector("#row-" + id + " input.pick"));
					if (!pick.isSelected()) {
						pick.click();
					}
				}
				for (String id : reviewIds) {
					if (!driver.findElement(By.cssSelector("#row-" + id + " input.pick")).isSelected()) {
						return false;
					}
				}
				return true;
			});
	}

	private WebDriver loggedIn(String user) {
		ChromeDriver browser = Chromium.start();
		browsers.add(browser);
		browser.get(url("/inbox"));
		assertThat(browser.getCurrentUrl()).as("anonymous users are sent to the login page").endsWith("/login");
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys("demo-review");
		browser.findElement(By.cssSelector("#login button")).click();
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("who"), user));
		return browser;
	}

	/** After a form post the page is replaced: wait for the new one rather than read the old one. */
	private static void awaitText(WebDriver browser, String id, String text) {
		new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(ExpectedConditions.textToBe(By.id(id), text));
	}

	private static WebElement awaitElement(WebDriver browser, String id) {
		return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
	}

	private void waitForLiveInbox(WebDriver browser) {
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("live"), "● live"));
	}

	/** k up to the first row, then j down to the request: both keys move the selection. */
	private void select(WebDriver browser, String reviewId) {
		for (int i = 0; i < 200 && !"true".equals(((JavascriptExecutor) browser)
			.executeScript("var r = document.querySelector('#queue tr.row'); return r && r.getAttribute('aria-selected')")); i++) {
			keys(browser, "k");
		}
		for (int i = 0; i < 200 && !"true".equals(selectedState(browser, reviewId)); i++) {
			keys(browser, "j");
		}
		assertThat(selectedState(browser, reviewId)).as("j reaches the row").isEqualTo("true");
	}

	/** Read afresh each time: a live update may have swapped the list. */
	private String selectedState(WebDriver browser, String reviewId) {
		return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> String.valueOf(d.findElement(By.id("row-" + reviewId)).getAttribute("aria-selected")));
	}

	/** A key press where the focus is, as a person types it (no click first: a click could land on a link). */
	private void keys(WebDriver browser, CharSequence key) {
		new Actions(browser).sendKeys(key).perform();
	}

	private ReviewItem filed(String subjectId) {
		return await().atMost(WAIT)
			.until(() -> inbox.pending(null, 500)
				.stream()
				.filter(item -> item.subjectId().equals(subjectId))
				.findFirst()
				.orElse(null), found -> found != null);
	}

	private void publish(String topic, Map<String, Object> data) {
		assertThat(http.postForEntity("/events/" + topic, data, JsonNode.class).getStatusCode().is2xxSuccessful())
			.isTrue();
	}

	private ConsumerRecord<byte[], byte[]> readDecided(String subject) {
		return readDecided(brokers, record -> subject.equals(header(record, "ce_subject")));
	}

	/** The first review.decided record that matches, from the beginning of the topic (bounded wait). */
	static ConsumerRecord<byte[], byte[]> readDecided(String brokers,
			java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of("review.decided"));
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (wanted.test(record)) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("no such review.decided event within " + WAIT);
	}

	static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** docs/screenshots of the repository (the tests run in app/). */
	private static void screenshot(WebDriver browser, String name) throws Exception {
		Path dir = Path.of("..", "docs", "screenshots");
		Files.createDirectories(dir);
		Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}
}
