package dev.daca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.review.ReviewGate;
import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.decision.ReviewDecision;
import dev.daca.hitl.security.Reviewer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing decided is lost on restart: the whole app is started on an H2 file, decides, is closed, and is started
 * again on the same file (with a fresh in-process broker). The decisions are there, and the decision whose
 * review.decided event never left (the process stopped between the commit and the send, made here by clearing its
 * published mark) is published by the outbox relay of the new process, with its original id.
 */
class ReviewRestartTests {

	static final Reviewer HANA = new Reviewer("hana", Set.of("HOMEOWNER"), Set.of("homeowners"));

	@Test
	void decisionsSurviveARestartAndTheUnsentOneIsPublishedAfterIt() throws Exception {
		Path dir = Files.createTempDirectory("daca-restart-");
		String url = "jdbc:h2:file:" + dir.resolve("inbox") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH";
		ReviewDecision sent;
		ReviewDecision unsent;
		try (ConfigurableApplicationContext before = start(url)) {
			sent = approveAnUnlock(before);
			unsent = approveAnUnlock(before);
			JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
					"select count(*) from review_decision where published_at is not null and decision_id in (?, ?)",
					Integer.class, sent.decisionId(), unsent.decisionId()) == 2);
			// the process stops after the commit, before the send: the event never reached the topic
			jdbc.update("update review_decision set published_at = null where decision_id = ?", unsent.decisionId());
		}

		try (ConfigurableApplicationContext after = start(url)) {
			Decisions decisions = after.getBean(Decisions.class);
			assertThat(decisions.of(sent.reviewId()).orElseThrow().decisionId()).isEqualTo(sent.decisionId());
			ReviewDecision reloaded = decisions.of(unsent.reviewId()).orElseThrow();
			assertThat(reloaded.decisionId()).isEqualTo(unsent.decisionId());
			assertThat(reloaded.decidedBy()).isEqualTo("hana");
			assertThat(reloaded.approvedHash()).isEqualTo(unsent.approvedHash());
			JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select status from review_request where review_id in (?, ?)", String.class,
					sent.reviewId(), unsent.reviewId())).containsOnly("APPROVED");

			ConsumerRecord<byte[], byte[]> event = ReviewInboxBrowserTests.readDecided(
					after.getEnvironment().getProperty("daca.kafka.embedded.bootstrap-servers"),
					record -> unsent.decisionId().equals(ReviewInboxBrowserTests.header(record, "ce_id")));
			var body = after.getBean(ObjectMapper.class).readTree(event.value());
			assertThat(body.path("reviewId").asText()).isEqualTo(unsent.reviewId());
			assertThat(body.path("outcome").asText()).isEqualTo("approved");
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
					"select published_at from review_decision where decision_id = ?", java.sql.Timestamp.class,
					unsent.decisionId()) != null);
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(DacaApplication.class).profiles("test")
			.run("--spring.datasource.url=" + url, "--server.port=0", "--daca.hitl.outbox-interval=PT1S",
					"--daca.hitl.outbox-grace=PT0S");
	}

	/** A real unlock request (actuate function, review policy), approved by the homeowner. */
	private static ReviewDecision approveAnUnlock(ConfigurableApplicationContext app) {
		@SuppressWarnings("unchecked")
		java.util.function.Function<HomeSignal, HomePlan> actuate = app.getBean(HomePlan.FUNCTION,
				java.util.function.Function.class);
		HomeSignal signal = app.getBean(ObjectMapper.class).convertValue(Map.of("signal", "command", "homeId",
				"h-" + UUID.randomUUID(), "text", "unlock the front door"), HomeSignal.class);
		ReviewGate.Reviewed<HomePlan> reviewed = app.getBean(ReviewGate.class).pass(actuate.apply(signal));
		String reviewId = ((ReviewRequest) reviewed.review()).reviewId();
		return app.getBean(Decisions.class).approve(HANA, reviewId, null, "ok");
	}
}
