package dev.daca.bindings.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import dev.daca.functions.review.ProposedAction;
import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.security.Reviewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled functions on the whole app (embedded default: in-process Kafka, H2), each triggered over HTTP as an
 * external scheduler would: what each job changes, the key, unknown jobs, the record in Actuator, catch-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
class ScheduledFunctionsTests {

	static final String KEY = "trigger-key-for-tests";

	static final Path dir = temp();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		registry.add("daca.triggers.key", () -> KEY);
		registry.add("daca.feedback.report-dir", () -> dir.resolve("feedback").toString());
		registry.add("daca.feedback.min-samples", () -> "30");
		Path lexicon = dir.resolve("lexicon.tsv");
		try (var shipped = ScheduledFunctionsTests.class.getClassLoader()
			.getResourceAsStream("moderation/lexicon.tsv")) {
			Files.writeString(lexicon, new String(shipped.readAllBytes(), StandardCharsets.UTF_8)
					+ "certain\tspam\tlow\t0.97\tspam.zorblax\t\\bzorblax\\b\n");
		}
		registry.add("daca.moderation.lexicon-source", lexicon::toString);
		// a zone where it is now a little after midnight, so the sweep finds it night with the real clock
		int utcHour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
		int offset = -utcHour >= -18 ? -utcHour : 24 - utcHour;
		registry.add("daca.home.sweep.zone", () -> ZoneOffset.ofHours(offset).getId());
		// cron in this context: none fires during the test (it would race with the HTTP triggers)
		for (String job : List.of("escalate-overdue-reviews", "aggregate-feedback", "sensor-sweep")) {
			registry.add("daca.schedule.jobs." + job + ".cron", () -> "0 0 0 1 1 *");
		}
		registry.add("daca.schedule.jobs.purge-expired-reviews.cron", () -> "0 0 0 * * *"); // daily: catch-up test
		// a catch-up run keeps its lock this long after it ends; the other tests trigger purge right after
		registry.add("daca.schedule.jobs.purge-expired-reviews.lock-at-least-for", () -> "PT0S");
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate db;

	@Autowired
	ObjectMapper json;

	@Autowired
	CronJobs cron;

	@Autowired
	Decisions decisions;

	static final Reviewer MODERATOR = new Reviewer("mo-reviewer", Set.of("MODERATOR"), Set.of("g"));

	static final ProposedAction HIDE = ProposedAction.of("hide-post", "hide the post",
			Map.of("postId", "p-1", "label", "spam"));

	@BeforeEach
	void emptyInbox() {
		db.update("delete from review_decision");
		db.update("delete from review_request");
	}

	@Test
	void overdueReviewsGoOnePriorityUpAndAreDueAgainAfterTheirDeadline() {
		Instant now = Instant.now();
		review("overdue-normal", "actuate", 0.5, 1, "PENDING", now.minus(Duration.ofMinutes(30)),
				now.minus(Duration.ofMinutes(20)));
		review("overdue-urgent", "diagnose", 0.5, 3, "PENDING", now.minus(Duration.ofMinutes(30)),
				now.minus(Duration.ofMinutes(15)));
		review("not-yet-due", "classify", 0.5, 1, "PENDING", now, now.plus(Duration.ofHours(4)));
		review("decided", "classify", 0.5, 0, "APPROVED", now.minus(Duration.ofHours(9)),
				now.minus(Duration.ofHours(5)));

		JsonNode run = trigger("escalate-overdue-reviews", KEY, HttpStatus.OK);
		assertThat(run.path("outcome").asText()).isEqualTo("succeeded");
		assertThat(run.path("trigger").asText()).isEqualTo("http");
		assertThat(run.path("counts")).isEqualTo(json.valueToTree(Map.of("overdue", 2, "escalated", 1,
				"alreadyUrgent", 1)));
		Map<String, Object> escalated = db.queryForMap("select priority, due_at, version from review_request "
				+ "where review_id = 'overdue-normal'");
		assertThat(escalated.get("priority")).isEqualTo(2);
		assertThat(((Number) escalated.get("version")).longValue()).isEqualTo(1);
		Instant due = instant(escalated.get("due_at"));
		assertThat(due).isBetween(now.plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(10)));
		assertThat(db.queryForObject("select priority from review_request where review_id = 'not-yet-due'",
				Integer.class)).isEqualTo(1);
		assertThat(db.queryForObject("select priority from review_request where review_id = 'decided'",
				Integer.class)).isEqualTo(0);
	}

	@Test
	void decidedReviewsPastRetentionArePurgedPendingOnesNever() {
		Instant now = Instant.now();
		review("old-approved", "classify", 0.5, 1, "APPROVED", now.minus(Duration.ofDays(40)), now);
		review("old-expired", "classify", 0.5, 1, "EXPIRED", now.minus(Duration.ofDays(31)), now);
		review("recent-rejected", "classify", 0.5, 1, "REJECTED", now.minus(Duration.ofDays(29)), now);
		review("old-pending", "classify", 0.5, 1, "PENDING", now.minus(Duration.ofDays(90)), now);
		JsonNode run = trigger("purge-expired-reviews", KEY, HttpStatus.OK);
		assertThat(run.path("counts").path("reviewsPurged").asLong()).isEqualTo(2);
		assertThat(db.queryForList("select review_id from review_request order by review_id", String.class))
			.containsExactly("old-pending", "recent-rejected");
	}

	@Test
	void feedbackComesFromThePeoplesDecisionsAndOnlyAnApprovalAsProposedUpholdsTheAgent() throws IOException {
		Instant now = Instant.now();
		for (int i = 0; i < 80; i++) {
			review("c-up-" + i, "classify", 0.80 + (i % 10) / 100.0, 1, "PENDING", now, now);
			decisions.approve(MODERATOR, "c-up-" + i, null, null);
		}
		for (int i = 0; i < 21; i++) { // overturned three ways: rejected, approved with an edit, answered
			review("c-over-" + i, "classify", 0.40 + (i % 10) / 100.0, 1, "PENDING", now, now);
			switch (i % 3) {
				case 0 -> decisions.reject(MODERATOR, "c-over-" + i, "satire, not spam", null);
				case 1 -> decisions.approve(MODERATOR, "c-over-" + i, "{\"postId\":\"p-1\",\"label\":\"ham\"}",
						null);
				default -> decisions.respond(MODERATOR, "c-over-" + i, "ask the author first");
			}
		}
		review("a-edited", "actuate", 0.5, 1, "PENDING", now, now);
		decisions.approve(MODERATOR, "a-edited", "{\"postId\":\"p-1\",\"label\":\"ham\"}", null);
		review("a-approved", "actuate", 0.6, 1, "PENDING", now, now);
		// the same parameters typed back in: not an edit, the action hashes to what was proposed
		decisions.approve(MODERATOR, "a-approved", "{\"label\":\"spam\",\"postId\":\"p-1\"}", null);
		// closed without a person (a workflow's timeout default): no decision row, no human verdict
		review("a-settled", "actuate", 0.5, 1, "APPROVED", now, now);
		review("a-pending", "actuate", 0.5, 1, "PENDING", now, now);

		JsonNode run = trigger("aggregate-feedback", KEY, HttpStatus.OK);
		assertThat(run.path("counts").path("decided").asLong()).isEqualTo(103);
		assertThat(run.path("counts").path("proposals").asLong()).isEqualTo(1);
		JsonNode report = json.readTree(dir.resolve("feedback/feedback-report.json").toFile());
		JsonNode actuate = report.path("functions").get(0);
		assertThat(actuate.path("function").asText()).isEqualTo("actuate");
		assertThat(actuate.path("decided").asInt()).isEqualTo(2);
		assertThat(actuate.path("overturned").asInt()).isEqualTo(1);
		assertThat(actuate.path("byDecision")).isEqualTo(json.valueToTree(Map.of("approved", 1, "edited", 1)));
		assertThat(actuate.path("proposedThreshold").isNull()).isTrue();
		JsonNode classify = report.path("functions").get(1);
		assertThat(classify.path("function").asText()).isEqualTo("classify");
		assertThat(classify.path("overturned").asInt()).isEqualTo(21);
		assertThat(classify.path("byDecision")).isEqualTo(json.valueToTree(Map.of("approved", 80, "rejected", 7,
				"edited", 7, "responded", 7)));
		assertThat(classify.path("currentThreshold").asDouble()).isEqualTo(0.90);
		assertThat(classify.path("proposedThreshold").asDouble()).isEqualTo(0.80);

		Map<String, JsonNode> examples = new java.util.HashMap<>();
		for (String line : Files.readAllLines(dir.resolve("feedback/examples.jsonl"))) {
			JsonNode example = json.readTree(line);
			examples.put(example.path("reviewId").asText(), example);
		}
		assertThat(examples).hasSize(103).doesNotContainKeys("a-settled", "a-pending");
		JsonNode upheld = examples.get("c-up-0");
		assertThat(upheld.path("label").asText()).isEqualTo("upheld");
		assertThat(upheld.path("outcome").path("decidedBy").path("tier").asText()).isEqualTo("embedding");
		assertThat(upheld.path("proposedAction").path("kind").asText()).isEqualTo("hide-post");
		assertThat(upheld.path("correctedAction").isNull()).isTrue();
		JsonNode edited = examples.get("c-over-1");
		assertThat(edited.path("label").asText()).isEqualTo("overturned");
		assertThat(edited.path("decision").asText()).isEqualTo("edited");
		assertThat(edited.path("correctedAction").path("parameters").path("label").asText()).isEqualTo("ham");
		assertThat(examples.get("c-over-0").path("reason").asText()).isEqualTo("satire, not spam");
		assertThat(examples.get("c-over-2").path("decision").asText()).isEqualTo("responded");
		assertThat(examples.get("a-approved").path("label").asText()).isEqualTo("upheld");
		assertThat(String.join("\n", Files.readAllLines(dir.resolve("feedback/examples.jsonl"))))
			.doesNotContain(MODERATOR.name()).doesNotContain("\"subject");
	}

	@Test
	void theLexiconIsRefreshedFromItsSourceWithoutARestart() {
		String post = "{\"postId\":\"p-z\",\"text\":\"Buy zorblax tablets here, cheapest zorblax anywhere\"}";
		JsonNode run = trigger("refresh-moderation-lexicon", KEY, HttpStatus.OK);
		assertThat(run.path("counts").path("rules").asInt()).isGreaterThan(1);
		JsonNode verdict = http.postForObject("/fn/classify", jsonEntity(post), JsonNode.class);
		assertThat(verdict.path("label").asText()).isEqualTo("spam");
		assertThat(verdict.path("rationale").asText()).contains("spam.zorblax");
	}

	@Test
	void anUnlockedLockAtNightBecomesALockCommandPlannedByActuateOnce() {
		Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String reading = "{\"signal\":\"reading\",\"homeId\":\"h-sweep\",\"deviceId\":\"front-lock\","
				+ "\"sensor\":\"lock\",\"state\":\"unlocked\",\"room\":\"front\",\"at\":\"" + readAt + "\"}";
		assertThat(http.postForEntity("/events/home.signals", jsonEntity(reading), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
				"select count(*) from device_state where home_id = 'h-sweep' and state = 'unlocked'", Long.class) == 1);

		JsonNode run = trigger("sensor-sweep", KEY, HttpStatus.OK);
		assertThat(run.path("counts").path("night").asInt()).isEqualTo(1);
		assertThat(run.path("counts").path("commanded").asInt()).isEqualTo(1);
		String commandId = "sweep:h-sweep:front-lock:" + readAt.toEpochMilli();
		// planHome's first event trains actuate's intent classifier: slow on a loaded machine
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			JsonNode path = http.getForObject("/events/" + commandId, JsonNode.class);
			JsonNode planned = null;
			for (JsonNode step : path.path("steps")) {
				if (step.path("consumer").asText().equals("planHome")) {
					planned = step;
				}
			}
			assertThat(planned).as(path.toString()).isNotNull();
			assertThat(planned.path("output").path("actions").get(0).path("action").asText()).isEqualTo("lock");
		});
		JsonNode again = trigger("sensor-sweep", KEY, HttpStatus.OK);
		assertThat(again.path("counts").path("commanded").asInt()).isZero();
		assertThat(again.path("counts").path("alreadyCommanded").asInt()).isEqualTo(1);
	}

	@Test
	void triggersNeedTheKeyAndAKnownJob() {
		JsonNode refused = trigger("escalate-overdue-reviews", null, HttpStatus.UNAUTHORIZED);
		assertThat(refused.path("title").asText()).isEqualTo("Trigger key required");
		trigger("escalate-overdue-reviews", "wrong", HttpStatus.UNAUTHORIZED);
		JsonNode unknown = trigger("no-such-job", KEY, HttpStatus.NOT_FOUND);
		assertThat(unknown.path("detail").asText()).contains("escalate-overdue-reviews");
		ResponseEntity<JsonNode> bearer = http.exchange("/triggers/purge-expired-reviews", HttpMethod.POST,
				new HttpEntity<>(null, headers("Authorization", "Bearer " + KEY)), JsonNode.class);
		assertThat(bearer.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void runsAreVisibleInActuatorWithTheirCounts() {
		trigger("escalate-overdue-reviews", KEY, HttpStatus.OK);
		JsonNode all = http.getForObject("/actuator/scheduledruns", JsonNode.class);
		assertThat(all.path("jobs").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("aggregate-feedback", "escalate-overdue-reviews", "purge-expired-reviews",
					"refresh-moderation-lexicon", "sensor-sweep");
		JsonNode escalate = all.path("jobs").path("escalate-overdue-reviews");
		assertThat(escalate.path("lastSucceeded").isNull()).isFalse();
		assertThat(escalate.path("recent").get(0).path("counts").has("escalated")).isTrue();
		JsonNode one = http.getForObject("/actuator/scheduledruns/escalate-overdue-reviews", JsonNode.class);
		assertThat(one.path("runs").get(0).path("finishedAt").isNull()).isFalse();
		assertThat(http.getForEntity("/actuator/scheduledruns/no-such-job", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aRunMissedWhileTheAppWasDownIsCaughtUpOnceAtStartup() {
		// purge last succeeded two days ago: its nightly period (1 day) has passed, so a run was missed
		db.update("delete from scheduled_run where job = 'purge-expired-reviews'");
		db.update("insert into scheduled_run (job, run_trigger, instance, started_at, finished_at, outcome) "
				+ "values ('purge-expired-reviews', 'cron', 'gone', ?, ?, 'succeeded')",
				OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), OffsetDateTime.now(ZoneOffset.UTC).minusDays(2));
		// feedback succeeded an hour ago: within its period, nothing to catch up
		db.update("delete from scheduled_run where job = 'aggregate-feedback'");
		db.update("insert into scheduled_run (job, run_trigger, instance, started_at, finished_at, outcome) "
				+ "values ('aggregate-feedback', 'cron', 'gone', ?, ?, 'succeeded')",
				OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
		cron.catchUp(); // what ApplicationReadyEvent does
		await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from scheduled_run "
				+ "where job = 'purge-expired-reviews' and run_trigger = 'catch-up' and outcome = 'succeeded'",
				Long.class) == 1);
		assertThat(db.queryForObject("select count(*) from scheduled_run where run_trigger = 'catch-up' "
				+ "and job <> 'purge-expired-reviews'", Long.class)).isZero();
	}

	JsonNode trigger(String job, String key, HttpStatus expected) {
		ResponseEntity<JsonNode> response = http.exchange("/triggers/" + job, HttpMethod.POST,
				new HttpEntity<>(null, key == null ? new HttpHeaders() : headers("X-Trigger-Key", key)),
				JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
		return response.getBody();
	}

	static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(name, value);
		return headers;
	}

	static HttpEntity<String> jsonEntity(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	void review(String id, String function, double confidence, int priority, String status, Instant requestedAt,
			Instant dueAt) {
		db.update("insert into review_request (review_id, function_name, subject_id, summary, reasons, confidence, "
				+ "risk, priority, candidate_group, proposed_action, action_hash, outcome, engine, tier, requested_at, "
				+ "due_at, on_timeout, bulk_allowed, status) values (?, ?, 's', 'summary', '[]', ?, 'low', ?, 'g', "
				+ "?, ?, '{\"decidedBy\":{\"tier\":\"embedding\"}}', 'embedded', 'embedding', ?, ?, 'deny', "
				+ "false, ?)", id, function, confidence, priority, write(HIDE), HIDE.sha256(),
				requestedAt.atOffset(ZoneOffset.UTC), dueAt.atOffset(ZoneOffset.UTC), status);
	}

	String write(ProposedAction action) {
		try {
			return json.writeValueAsString(action);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Instant instant(Object value) {
		return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
	}

	static Path temp() {
		try {
			return Files.createTempDirectory("daca-schedule");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
