package dev.daca.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.ledger.ProcessedEvents;
import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.review.RequestReview;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.security.Reviewer;
import io.micrometer.core.instrument.MeterRegistry;
import dev.daca.events.TestBroker.Event;
import dev.daca.events.TestBroker.Received;
import dev.daca.events.TestBroker.Tap;
import dev.daca.hitl.inbox.ReviewInbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event pipeline, the same on every broker and store: CloudEvents in, outcome events out, review requests for
 * what a person must see, each event decided once, poison messages dead-lettered with the reason while the consumer
 * keeps going, and dead letters replayed (ids unchanged) or parked. A subclass starts the app on one binder and
 * store and says how to reach the broker with its own client ({@link #connect()}).
 */
abstract class EventFlowScenario {

	static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	ObjectMapper json;

	@Autowired
	ReviewInbox inbox;

	@Autowired
	ProcessedEvents processed;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Decisions decisions;

	@Autowired
	@Qualifier("classify")
	java.util.function.Function<Post, ModerationVerdict> classify;

	@Autowired
	@Qualifier("request-review")
	RequestReview requestReview;

	@Autowired
	MeterRegistry meters;

	TestBroker broker;

	/** The broker the app under test uses, through its own client. */
	abstract TestBroker connect();

	@BeforeEach
	void connectBroker() {
		broker = connect();
	}

	@AfterEach
	void disconnectBroker() {
		broker.close();
	}

	@Test
	void aSubmittedPostIsModeratedOnTheOutputTopicOnceEvenWhenDeliveredTwice() throws Exception {
		String postId = "post-" + UUID.randomUUID();
		Event submitted = submitted(postId, "Great match last night, what a goal!");
		try (Tap moderated = broker.tap("content.moderated")) {
			broker.publish("content.submitted", submitted);
			broker.publish("content.submitted", submitted);

			List<Received> outcomes = moderated.await(postId, 2, WAIT);
			assertThat(outcomes).hasSize(2);
			Received first = outcomes.get(0);
			assertThat(first.attribute("type")).isEqualTo("dev.daca.content.moderated");
			assertThat(first.attribute("specversion")).isEqualTo("1.0");
			assertThat(first.subject()).isEqualTo(postId);
			assertThat(first.key()).as("partition/routing key").isEqualTo(postId);
			// the redelivery re-emits the same event (same id), so downstream dedupes it; the function decided once
			assertThat(outcomes.get(1).id()).isEqualTo(first.id());
			JsonNode verdict = json.readTree(first.data());
			assertThat(verdict.path("function").asText()).isEqualTo("classify");
			assertThat(verdict.path("label").asText()).isEqualTo("safe");
			assertThat(processed.findByEventIdOrderByProcessedAt(submitted.id())).hasSize(1);
		}
	}

	@Test
	void aHighImpactCommandEndsAsAReviewRequestInTheInbox() throws Exception {
		String homeId = "home-" + UUID.randomUUID();
		byte[] data = json.writeValueAsBytes(
				Map.of("signal", "command", "homeId", homeId, "text", "unlock the front door", "requestedBy", "kid"));
		try (Tap requests = broker.tap("review.requested")) {
			broker.publish("home.signals", new Event(newId(), "dev.daca.home.signalled", homeId, data));

			JsonNode request = json.readTree(requests.await(homeId, 1, WAIT).get(0).data());
			assertThat(request.path("candidateGroup").asText()).isEqualTo("homeowners");
			assertThat(request.path("actionHash").asText()).hasSize(64);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inbox.pending("actuate", 500).stream().anyMatch(item -> item.subjectId().equals(homeId)));
	}

	@Test
	void aLowConfidenceModerationProducesAReviewRequest() throws Exception {
		String postId = "post-" + UUID.randomUUID();
		String text = "some people just shouldn't be allowed to post";
		JsonNode direct = http.postForObject("/fn/classify", Map.of("postId", "probe", "text", text), JsonNode.class);
		assertThat(direct.path("confidence").asDouble()).as("the engine is unsure of this one: %s", direct)
			.isLessThan(0.90);

		try (Tap requests = broker.tap("review.requested")) {
			broker.publish("content.submitted", submitted(postId, text));
			JsonNode request = json.readTree(requests.await(postId, 1, WAIT).get(0).data());
			assertThat(request.path("function").asText()).isEqualTo("classify");
			assertThat(request.path("reasons").toString()).contains("confidence");
		}
	}

	@Test
	void poisonMessagesAreDeadLetteredWithTheReasonAndTheConsumerKeepsGoing() throws Exception {
		Event notJson = new Event(newId(), "dev.daca.content.submitted", "p-x",
				"this is not json".getBytes(StandardCharsets.UTF_8));
		Event wrongType = new Event(newId(), "com.example.something.else", "p-y",
				json.writeValueAsBytes(Map.of("postId", "p-y", "text", "hello")));
		Event wrongSchema = new Event(newId(), "dev.daca.content.submitted", "p-z",
				json.writeValueAsBytes(Map.of("postId", "p-z", "txt", 42)));
		String postId = "post-" + UUID.randomUUID();
		try (Tap moderated = broker.tap("content.moderated")) {
			broker.publish("content.submitted", notJson);
			broker.publish("content.submitted", wrongType);
			broker.publish("content.submitted", wrongSchema);
			broker.publish("content.submitted", submitted(postId, "Still here after the poison"));

			assertThat(moderated.await(postId, 1, WAIT)).hasSize(1);
		}
		List<Received> dead = broker.deadLetters("content.submitted", "daca",
				Set.of(notJson.id(), wrongType.id(), wrongSchema.id()), WAIT);
		assertThat(dead).extracting(Received::id).contains(notJson.id(), wrongType.id(), wrongSchema.id());
		Received wrong = dead.stream().filter(r -> wrongType.id().equals(r.id())).findFirst().orElseThrow();
		assertThat(wrong.header("x-exception-message")).contains("com.example.something.else");
		// the DLQ carries the original CloudEvent: its attributes and its data
		assertThat(wrong.attribute("type")).isEqualTo("com.example.something.else");
		assertThat(wrong.subject()).isEqualTo("p-y");
		assertThat(json.readTree(wrong.data()).path("postId").asText()).isEqualTo("p-y");
	}

	@Test
	void aPoisonMessageOnEachTopicOfTheReviewGateLandsInThatTopicsDeadLetters() throws Exception {
		// routeForReview consumes four topics with one binding: each topic has its own dead-letter destination
		for (String topic : List.of("content.moderated", "triage.assessed", "recommendations.made", "home.planned")) {
			Event poison = new Event(newId(), "com.example.not.an.outcome", "s-" + topic,
					json.writeValueAsBytes(Map.of("subjectId", "s-" + topic)));
			broker.publish(topic, poison);
			List<Received> dead = broker.deadLetters(topic, "daca-review", Set.of(poison.id()), WAIT);
			assertThat(dead).as("dead letters of %s", topic).extracting(Received::id).containsExactly(poison.id());
			assertThat(dead.get(0).header("x-exception-message")).contains("com.example.not.an.outcome");
		}
	}

	@Test
	void replayedDeadLettersAreProcessedOnceAndWhatWasAlreadyDecidedIsNotDecidedAgain() throws Exception {
		String decidedPost = "post-" + UUID.randomUUID();
		String pendingPost = "post-" + UUID.randomUUID();
		Event decided = submitted(decidedPost, "What a lovely walk by the river this morning");
		Event pending = submitted(pendingPost, "Our bakery opens a second shop next week");
		try (Tap moderated = broker.tap("content.moderated")) {
			broker.publish("content.submitted", decided);
			Received first = moderated.await(decidedPost, 1, WAIT).get(0);
			// two failed deliveries, as the binder dead-letters them: one of an event that was in fact decided (the
			// failure came after the commit), one that never got through (say the store was down)
			broker.deadLetter("content.submitted", "daca", decided, "simulated: the store timed out");
			broker.deadLetter("content.submitted", "daca", pending, "simulated: the store timed out");

			JsonNode replay = replay("moderateContent-in-0");
			assertThat(replay.path("destinations").get(0).path("replayed").asInt()).as("%s", replay)
				.isGreaterThanOrEqualTo(2);

			assertThat(moderated.await(pendingPost, 1, WAIT)).hasSize(1);
			List<Received> again = moderated.await(decidedPost, 1, WAIT);
			assertThat(again).extracting(Received::id).containsOnly(first.id());
		}
		assertThat(processed.findByEventIdOrderByProcessedAt(decided.id())).hasSize(1);
		assertThat(processed.findByEventIdOrderByProcessedAt(pending.id())).hasSize(1);
	}

	@Test
	void aDeadLetterThatKeepsFailingIsParkedAfterTheLastReplay() throws Exception {
		Event poison = new Event(newId(), "com.example.never.accepted", "p-parked",
				json.writeValueAsBytes(Map.of("postId", "p-parked", "text", "hello")));
		broker.publish("content.submitted", poison);
		assertThat(broker.deadLetters("content.submitted", "daca", Set.of(poison.id()), WAIT)).hasSize(1);

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			replay("moderateContent-in-0");
			return !broker.parked("content.submitted", "daca", Set.of(poison.id()), Duration.ofSeconds(1)).isEmpty();
		});
		Received parked = broker.parked("content.submitted", "daca", Set.of(poison.id()), WAIT).get(0);
		assertThat(parked.header("x-daca-replays")).isEqualTo("2"); // daca.dead-letters.max-replays in the tests
		assertThat(parked.header("x-exception-message")).contains("com.example.never.accepted");
		assertThat(json.readTree(parked.data()).path("postId").asText()).isEqualTo("p-parked");
	}

	@Test
	void replayingAnUnknownBindingIsAProblemNotAnError() {
		JsonNode problem = http.postForObject("/admin/dead-letters/noSuchBinding-in-0/replay", null, JsonNode.class);
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("detail").asText()).contains("moderateContent-in-0");
	}

	private JsonNode replay(String binding) {
		JsonNode replay = http.postForObject("/admin/dead-letters/" + binding + "/replay", null, JsonNode.class);
		assertThat(replay.path("binding").asText()).as("replay answer %s", replay).isEqualTo(binding);
		return replay;
	}

	@Test
	void theLatestRecommendationsOfTheTopicPathAreServedPerShopperAndAnUnknownShopperIsAProblem() throws Exception {
		String userId = "shopper-" + UUID.randomUUID();
		try (Tap made = broker.tap("recommendations.made")) {
			broker.publish("shopper.activity", new Event(newId(), "dev.daca.shopper.activity", userId,
					json.writeValueAsBytes(Map.of("userId", userId, "events",
							List.of(Map.of("productId", "C01", "kind", "bought", "at", "2025-01-01T10:00:00Z")),
							"limit", 3))));
			JsonNode emitted = json.readTree(made.await(userId, 1, WAIT).get(0).data());
			JsonNode latest = http.getForObject("/api/shoppers/" + userId + "/recommendations", JsonNode.class);
			assertThat(latest).as("what the topic path emitted is the shopper's latest").isEqualTo(emitted);
			assertThat(latest.path("items").size()).isBetween(1, 3);
		}
		ResponseEntity<JsonNode> unknown = http.getForEntity("/api/shoppers/nobody-" + newId() + "/recommendations",
				JsonNode.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(unknown.getBody().path("detail").asText()).contains("no recommendations for shopper nobody-");
	}

	/** The test profile reuses a count for {@code daca.hot-state.review-counts-ttl} = 2 s (application-test.yml). */
	@Test
	void theReviewQueueCountsAreReusedForTheirTtlAndRightAfterFilingAndDeciding() {
		JsonNode before = quietCounts();
		long pending = before.path("pending").path("classify").asLong();

		// filed the way fileReview does it: the request-review decision on a real, unsure verdict, into the inbox
		String postId = "post-" + UUID.randomUUID();
		ModerationVerdict verdict = classify.apply(new Post(postId, "a", "some people just shouldn't be allowed to post"));
		ReviewRequest request = (ReviewRequest) requestReview.apply(verdict);
		assertThat(inbox.file(request)).isTrue();
		assertThat(http.getForObject("/api/reviews/counts", JsonNode.class))
			.as("within the TTL the cached count is served, not a new query")
			.isEqualTo(before);

		JsonNode filed = awaitFreshCounts(before);
		assertThat(filed.path("pending").path("classify").asLong()).isEqualTo(pending + 1);
		assertThat(meters.get("daca.reviews.pending").tag("function", "classify").gauge().value())
			.isEqualTo(pending + 1);
		assertThat(filed.path("pending").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("actuate", "classify", "diagnose", "recommend");

		decisions.approve(new Reviewer("mo", Set.of("MODERATOR"), Set.of(request.candidateGroup())),
				request.reviewId(), null, null);
		assertThat(awaitFreshCounts(filed).path("pending").path("classify").asLong()).isEqualTo(pending);
	}

	/** Fresh counts equal to the ones before them: the other tests' review requests have all reached the inbox. */
	private JsonNode quietCounts() {
		JsonNode[] last = { awaitFreshCounts(null) };
		return await().atMost(WAIT).until(() -> {
			JsonNode previous = last[0];
			last[0] = awaitFreshCounts(previous);
			return previous.path("pending").equals(last[0].path("pending")) ? last[0] : null;
		}, counts -> counts != null);
	}

	/** The counts once they were counted after {@code previous} (null: any). */
	private JsonNode awaitFreshCounts(JsonNode previous) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.getForObject("/api/reviews/counts", JsonNode.class),
					counts -> previous == null || java.time.Instant.parse(counts.path("countedAt").asText())
						.isAfter(java.time.Instant.parse(previous.path("countedAt").asText())));
	}

	private Event submitted(String postId, String text) throws Exception {
		return new Event(newId(), "dev.daca.content.submitted", postId,
				json.writeValueAsBytes(Map.of("postId", postId, "text", text)));
	}

	private static String newId() {
		return UUID.randomUUID().toString();
	}
}
