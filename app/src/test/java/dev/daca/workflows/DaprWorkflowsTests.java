package dev.daca.workflows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.Risk;
import dev.daca.functions.review.ReviewPolicies;
import dev.daca.functions.review.ReviewPolicy;
import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.security.Reviewer;

import io.dapr.workflows.client.DaprWorkflowClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.daca.bindings.stream.EventTypes;
import dev.daca.workflows.home.SmartHomeWorkflow;
import dev.daca.workflows.moderation.ModerationWorkflow;
import dev.daca.workflows.recommendation.RecommendationWorkflow;
import dev.daca.workflows.triage.DiagnosisWorkflow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workflows on a real Dapr runtime (daprd + placement + scheduler from scripts/dapr.sh, state in Redis or
 * Postgres from scripts/infra.sh), the whole app around them (embedded Kafka, H2 inbox). One Spring context per
 * JVM: the Dapr SDK keeps one workflow runtime per JVM. Run once per state store:
 * {@code ./mvnw -pl app -am test -Dgroups=dapr -Dtest='DaprWorkflowsTests' -Ddaca.dapr.state=redis|postgres}.
 */
@Tag("dapr")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=" + DaprSidecar.APP_PORT, "daca.workflows.retry.first-interval=200ms" })
@ActiveProfiles({ "test", "dapr" })
@Import({ FlakyDependencyWorkflow.class, FlakyDependencyWorkflow.CallDependencyActivity.class })
class DaprWorkflowsTests {

	private static final Duration SETTLES = Duration.ofSeconds(60);

	private static DaprSidecar sidecar;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ReviewPolicies policies;

	@Autowired
	ObjectMapper json;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DaprWorkflowClient workflows;

	@Autowired
	RetrySettings retry;

	@Value("${daca.kafka.embedded.bootstrap-servers}")
	String brokers;

	@Autowired
	Decisions decisions;

	private ReviewPolicy shipped;

	@BeforeAll
	static void startDapr() throws IOException {
		FlakyDependency.start();
		String state = DaprSidecar.stateStore();
		sidecar = DaprSidecar.start(state, "/tmp/daca-dapr-test-" + state);
	}

	@AfterAll
	static void stopDapr() {
		FlakyDependency.stop();
		if (sidecar != null) {
			sidecar.down();
		}
	}

	@BeforeEach
	void sidecarReady() throws InterruptedException {
		DaprSidecar.awaitPlacement(Duration.ofSeconds(30));
		shipped = policies.current();
	}

	@AfterEach
	void restorePolicy() {
		policies.replace(shipped);
	}

	@Test
	void modeIsDaprWorkflows() {
		JsonNode info = http.getForObject("/actuator/info", JsonNode.class);
		assertThat(info.path("daca").path("mode").asText()).isEqualTo("dapr-workflows");
	}

	@Test
	void moderationWaitsForTheModeratorAndPublishesTheirDecision() {
		reviewEveryPost(Duration.ofMinutes(2));
		String postId = "wf-post-" + UUID.randomUUID();
		String id = start("/workflows/moderation",
				Map.of("postId", postId, "text", "People like you are subhuman vermin and should be wiped out"));
		awaitStep(id, "review-requested");
		JsonNode item = inboxItem("classify", postId);
		assertThat(item.path("status").asText()).isEqualTo("pending");
		String proposed = item.path("proposedAction").path("kind").asText();

		decide(id, Map.of("decision", "approve", "reviewer", "mod-ann", "actionHash", item.path("actionHash").asText()));

		JsonNode done = awaitCompleted(id);
		assertThat(done.path("result").path("action").asText()).isEqualTo(proposed).isNotEqualTo("allow-post");
		assertThat(done.path("result").path("decidedBy").asText()).isEqualTo("reviewer:mod-ann");
		assertThat(stepNames(done)).containsExactly("classified", "review-requested", "decided", "published");
		assertThat(review(item.path("reviewId").asText()).path("status").asText()).isEqualTo("approved");
	}

	@Test
	void unansweredReviewEscalatesThenFallsBackToThePolicyDefault() {
		reviewEveryPost(Duration.ofSeconds(2));
		String postId = "wf-post-" + UUID.randomUUID();
		String id = start("/workflows/moderation",
				Map.of("postId", postId, "text", "Lovely sunset at the beach tonight, thanks for the photo tips!"));

		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("classified", "review-requested", "escalated", "timed-out",
				"published");
		assertThat(done.path("result").path("action").asText()).isEqualTo("hide-post");
		assertThat(done.path("result").path("decidedBy").asText()).isEqualTo("policy-default");
		JsonNode item = review(reviewIdOf(done));
		assertThat(item.path("subjectId").asText()).isEqualTo(postId);
		assertThat(item.path("status").asText()).isEqualTo("expired");
		assertThat(item.path("priority").asText()).isEqualTo("normal"); // a safe post starts low; raised once
	}

	@Test
	void moderationWithoutReviewCompletesOnItsOwn() {
		policies.replace(new ReviewPolicy(Map.of()));
		String id = start("/workflows/moderation", Map.of("postId", "wf-post-" + UUID.randomUUID(), "text",
				"Lovely sunset at the beach tonight, thanks for the photo tips!"));
		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("classified", "no-review", "published");
		assertThat(done.path("result").path("action").asText()).isEqualTo("allow-post");
		assertThat(done.path("result").path("decidedBy").asText()).isEqualTo("agent");
	}

	@Test
	void homeActionIsDispatchedWhenItIsExactlyWhatTheHomeownerApproved() {
		String homeId = "wf-home-" + UUID.randomUUID();
		String id = start("/workflows/home",
				Map.of("signal", "command", "homeId", homeId, "text", "unlock front door", "requestedBy", "guest"));
		awaitStep(id, "review-requested");
		JsonNode item = inboxItem("actuate", homeId);
		decide(id, Map.of("decision", "approve", "reviewer", "owner", "actionHash", item.path("actionHash").asText()));

		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("planned", "review-requested", "decided", "dispatched");
		assertThat(done.path("result").path("action").asText()).isEqualTo("execute-actions");
		assertThat(DaprSidecar.get("/v1.0/state/statestore/audit-" + id)).isEmpty();
	}

	@Test
	void aHomeownersEditedApprovalOnThePageReachesTheWaitingWorkflow() throws Exception {
		String homeId = "wf-home-" + UUID.randomUUID();
		String id = start("/workflows/home",
				Map.of("signal", "command", "homeId", homeId, "text", "unlock front door", "requestedBy", "guest"));
		awaitStep(id, "review-requested");
		JsonNode item = inboxItem("actuate", homeId);
		String reviewId = item.path("reviewId").asText();
		ObjectNode edited = item.path("proposedAction").path("parameters").deepCopy();
		edited.put("autoRelockMinutes", 5);
		Reviewer hana = new Reviewer("hana", Set.of("HOMEOWNER"), Set.of("homeowners"));

		// what the page's approve button does: one recorded decision, then the workflow's external event
		var decision = decisions.approve(hana, reviewId, json.writeValueAsString(edited), "relock after 5 minutes");

		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("planned", "review-requested", "decided", "dispatched");
		assertThat(done.path("result").path("decidedBy").asText()).isEqualTo("reviewer:hana");
		assertThat(decision.edited()).isTrue();
		assertThat(done.path("result").path("history").toString()).contains("approved " + decision.approvedHash());
		assertThat(review(reviewId).path("status").asText()).isEqualTo("approved");
		// the workflow settling it afterwards did not make a second decision: the page's one is the record
		assertThat(decisions.of(reviewId).orElseThrow().decisionId()).isEqualTo(decision.decisionId());
	}

	@Test
	void aRejectionOnThePageStopsTheWorkflow() {
		String homeId = "wf-home-" + UUID.randomUUID();
		String id = start("/workflows/home",
				Map.of("signal", "command", "homeId", homeId, "text", "unlock front door", "requestedBy", "guest"));
		awaitStep(id, "review-requested");
		String reviewId = inboxItem("actuate", homeId).path("reviewId").asText();
		decisions.reject(new Reviewer("hugo", Set.of("HOMEOWNER"), Set.of("homeowners")), reviewId,
				"nobody is expected today", null);

		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("planned", "review-requested", "decided", "not-dispatched");
		assertThat(done.path("result").path("decidedBy").asText()).isEqualTo("reviewer:hugo");
		assertThat(review(reviewId).path("status").asText()).isEqualTo("rejected");
	}

	@Test
	void tamperedApprovalIsRefusedAndAudited() throws Exception {
		String homeId = "wf-home-" + UUID.randomUUID();
		String id = start("/workflows/home",
				Map.of("signal", "command", "homeId", homeId, "text", "unlock front door", "requestedBy", "guest"));
		awaitStep(id, "review-requested");
		JsonNode item = inboxItem("actuate", homeId);
		String approvedHash = item.path("actionHash").asText();
		ObjectNode tampered = item.path("proposedAction").deepCopy();
		ArrayNode actions = (ArrayNode) tampered.path("parameters").path("actions");
		((ObjectNode) actions.get(0)).put("target", "back-door");

		decide(id, Map.of("decision", "approve", "reviewer", "owner", "actionHash", approvedHash, "approvedAction",
				tampered));

		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("planned", "review-requested", "decided", "refused");
		assertThat(done.path("result").path("action").asText()).isEqualTo("refused");
		JsonNode audit = json.readTree(DaprSidecar.get("/v1.0/state/statestore/audit-" + id));
		assertThat(audit.path("event").asText()).isEqualTo("dispatch-refused");
		assertThat(audit.path("approvedHash").asText()).isEqualTo(approvedHash);
		assertThat(audit.path("actualHash").asText()).isNotBlank().isNotEqualTo(approvedHash);
	}

	@Test
	void emergencyIsReviewedByAClinicianBeforeThePatientIsNotified() {
		String patientId = "wf-pt-" + UUID.randomUUID();
		String id = start("/workflows/diagnosis", Map.of("patientId", patientId, "symptoms",
				"crushing chest pain and shortness of breath", "age", 58));
		awaitStep(id, "review-requested");
		JsonNode item = inboxItem("diagnose", patientId);
		assertThat(item.path("candidateGroup").asText()).isEqualTo("clinicians");
		// delivered the way the inbox side does it: by review id
		ResponseEntity<JsonNode> delivered = http.postForEntity(
				"/workflows/reviews/" + item.path("reviewId").asText() + "/decision",
				Map.of("decision", "approve", "reviewer", "dr-lee", "actionHash", item.path("actionHash").asText()),
				JsonNode.class);
		assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(delivered.getBody().path("instanceId").asText()).isEqualTo(id);

		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("assessed", "review-requested", "decided", "published");
		assertThat(done.path("result").path("action").asText()).isEqualTo("notify-patient");
		assertThat(done.path("result").path("decidedBy").asText()).isEqualTo("reviewer:dr-lee");
	}

	@Test
	void recommendationsAreKeptAsTheShoppersLatestAndPublished() throws Exception {
		String userId = "wf-user-" + UUID.randomUUID();
		String id = start("/workflows/recommendation", Map.of("userId", userId, "events",
				List.of(Map.of("productId", "C01", "kind", "bought", "at", "2025-01-01T10:00:00Z")), "limit", 3));
		JsonNode done = awaitCompleted(id);
		assertThat(stepNames(done)).containsExactly("recommended", "cached", "published");
		// through our LatestRecommendations (memory here, Redis with the redis profile), not the Dapr state store
		JsonNode cached = http.getForObject("/api/shoppers/" + userId + "/recommendations", JsonNode.class);
		assertThat(cached.path("userId").asText()).isEqualTo(userId);
		assertThat(DaprSidecar.get("/v1.0/state/statestore/recommendations-" + userId)).as("nothing stored twice")
			.isBlank();
		assertThat(cached.path("items").size()).isBetween(1, 3);
	}

	@Test
	void anInboundTopicEventStartsItsWorkflowOnceHoweverOftenItIsDelivered() {
		policies.replace(new ReviewPolicy(Map.of()));
		String eventId = "ev-" + UUID.randomUUID();
		String id = TopicStarts.instanceIdFor(ModerationWorkflow.PROCESS, EventTypes.CONTENT_SUBMITTED, eventId);
		Map<String, String> post = Map.of("postId", "wf-topic-" + UUID.randomUUID(), "text",
				"Lovely sunset at the beach tonight, thanks for the photo tips!");
		double duplicates = topicStarts("duplicate");

		publish("content.submitted", eventId, post);
		publish("content.submitted", eventId, post); // redelivered while the first may still run
		JsonNode done = awaitCompleted(id);
		assertThat(done.path("workflow").asText()).contains(ModerationWorkflow.class.getSimpleName());
		await().atMost(SETTLES).until(() -> topicStarts("duplicate") >= duplicates + 1);

		publish("content.submitted", eventId, post); // redelivered after it finished: daprd would restart it
		await().atMost(SETTLES).until(() -> topicStarts("duplicate") >= duplicates + 2);
		JsonNode again = status(id);
		assertThat(again.path("status").asText()).isEqualTo("COMPLETED");
		assertThat(again.path("createdAt").asText()).isEqualTo(done.path("createdAt").asText());
		assertThat(stepNames(again)).containsExactly("classified", "no-review", "published");
	}

	@Test
	void everyInboundTopicStartsItsOwnWorkflow() {
		String patientId = "wf-topic-pt-" + UUID.randomUUID();
		String diagnosis = publish("symptoms.reported", "ev-" + UUID.randomUUID(),
				Map.of("patientId", patientId, "symptoms", "crushing chest pain and shortness of breath", "age", 58));
		String home = publish("home.signals", "ev-" + UUID.randomUUID(), Map.of("signal", "command", "homeId",
				"wf-topic-home-" + UUID.randomUUID(), "text", "unlock front door", "requestedBy", "guest"));
		String shopping = publish("shopper.activity", "ev-" + UUID.randomUUID(), Map.of("userId",
				"wf-topic-user-" + UUID.randomUUID(), "events", List.of(Map.of("productId", "C01", "kind", "bought"))));

		awaitStep(TopicStarts.instanceIdFor(DiagnosisWorkflow.PROCESS, EventTypes.SYMPTOMS_REPORTED, diagnosis),
				"review-requested");
		awaitStep(TopicStarts.instanceIdFor(SmartHomeWorkflow.PROCESS, EventTypes.HOME_SIGNALLED, home),
				"review-requested");
		JsonNode recommended = awaitCompleted(
				TopicStarts.instanceIdFor(RecommendationWorkflow.PROCESS, EventTypes.SHOPPER_ACTIVITY, shopping));
		assertThat(stepNames(recommended)).containsExactly("recommended", "cached", "published");
		assertThat(inboxItem("diagnose", patientId).path("status").asText()).isEqualTo("pending");
	}

	@Test
	void anActivityWhoseDependencyFailsTwiceIsRetriedAndTheWorkflowCompletes() {
		String path = "/flaky-" + UUID.randomUUID();
		FlakyDependency.failFirst(path, 2);
		String id = FlakyDependencyWorkflow.class.getSimpleName() + "-" + UUID.randomUUID();
		workflows.scheduleNewWorkflow(FlakyDependencyWorkflow.class, FlakyDependency.url(path), id);

		JsonNode done = awaitCompleted(id);
		assertThat(done.path("result").asText()).isEqualTo("answered on call 3");
		assertThat(FlakyDependency.calls(path)).isEqualTo(3);
	}

	@Test
	void anActivityIsCalledAtMostMaxAttemptsTimesThenTheWorkflowFails() {
		String path = "/down-" + UUID.randomUUID();
		FlakyDependency.failFirst(path, Integer.MAX_VALUE);
		String id = FlakyDependencyWorkflow.class.getSimpleName() + "-" + UUID.randomUUID();
		workflows.scheduleNewWorkflow(FlakyDependencyWorkflow.class, FlakyDependency.url(path), id);

		JsonNode failed = await().atMost(SETTLES).pollInterval(Duration.ofMillis(250)).until(() -> status(id),
				s -> s.path("status").asText().equals("FAILED"));
		assertThat(failed.path("failure").asText()).contains("503");
		assertThat(FlakyDependency.calls(path)).isEqualTo(retry.maxAttempts()).isEqualTo(6);
	}

	@Test
	void anEventThatCannotStartAWorkflowIsDeadLetteredWithTheReason() throws Exception {
		String notJson = "ev-" + UUID.randomUUID();
		String wrongType = "ev-" + UUID.randomUUID();
		Map<String, Object> bytes = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(bytes)) {
			producer.send(cloudEvent(notJson, EventTypes.CONTENT_SUBMITTED, "this is not json")).get();
			producer.send(cloudEvent(wrongType, "com.example.other", "{\"postId\":\"p\",\"text\":\"hi\"}")).get();
		}
		Map<String, String> reasons = new java.util.HashMap<>();
		try (KafkaConsumer<byte[], byte[]> dlq = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				brokers, ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				ByteArrayDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
				ByteArrayDeserializer.class))) {
			dlq.subscribe(List.of("error.content.submitted.daca"));
			await().atMost(SETTLES).until(() -> {
				dlq.poll(Duration.ofMillis(500)).forEach(r -> reasons.put(text(r.headers().lastHeader("ce_id")),
						text(r.headers().lastHeader("x-exception-message"))));
				return reasons.containsKey(notJson) && reasons.containsKey(wrongType);
			});
		}
		assertThat(reasons.get(wrongType)).contains("com.example.other");
		String notStarted = TopicStarts.instanceIdFor(ModerationWorkflow.PROCESS, EventTypes.CONTENT_SUBMITTED, notJson);
		assertThat(http.getForEntity("/workflows/" + notStarted, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private static ProducerRecord<byte[], byte[]> cloudEvent(String id, String type, String data) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("content.submitted",
				data.getBytes(StandardCharsets.UTF_8));
		Map.of("ce_id", id, "ce_specversion", "1.0", "ce_type", type, "ce_source", "/tests", "contentType",
				"application/json").forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	private static String text(Header header) {
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private String publish(String topic, String eventId, Object data) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("ce-id", eventId);
		ResponseEntity<JsonNode> published = http.postForEntity("/events/" + topic, new HttpEntity<>(data, headers),
				JsonNode.class);
		assertThat(published.getStatusCode().is2xxSuccessful()).as("%s", published.getBody()).isTrue();
		return eventId;
	}

	private double topicStarts(String outcome) {
		Counter counter = meters.find("daca.workflow.starts")
			.tags("process", ModerationWorkflow.PROCESS, "via", "topic", "outcome", outcome)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void badInputAndUnknownInstancesAreProblems() {
		ResponseEntity<JsonNode> bad = http.postForEntity("/workflows/moderation", Map.of("postId", "p"),
				JsonNode.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<JsonNode> unknown = http.getForEntity("/workflows/no-such-instance", JsonNode.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<JsonNode> badDecision = http.postForEntity("/workflows/no-such-instance/decision",
				Map.of("decision", "maybe", "reviewer", "x"), JsonNode.class);
		assertThat(badDecision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private void reviewEveryPost(Duration deadline) {
		var rule = new ReviewPolicy.Rule(null, Risk.LOW, Set.of(), deadline, "hide-post", true, "moderators");
		var rules = new java.util.HashMap<>(shipped.functions());
		rules.put("classify", rule);
		policies.replace(new ReviewPolicy(rules));
	}

	private String start(String path, Object body) {
		ResponseEntity<JsonNode> started = http.postForEntity(path, body, JsonNode.class);
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
		return started.getBody().path("instanceId").asText();
	}

	private void decide(String id, Map<String, Object> decision) {
		ResponseEntity<JsonNode> delivered = http.postForEntity("/workflows/" + id + "/decision", decision,
				JsonNode.class);
		assertThat(delivered.getStatusCode()).as("%s", delivered.getBody()).isEqualTo(HttpStatus.ACCEPTED);
	}

	private JsonNode status(String id) {
		ResponseEntity<JsonNode> response = http.getForEntity("/workflows/" + id, JsonNode.class);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private void awaitStep(String id, String step) {
		await().atMost(SETTLES).pollInterval(Duration.ofMillis(200)).until(() -> stepNames(status(id)).contains(step));
	}

	private JsonNode awaitCompleted(String id) {
		return await().atMost(SETTLES).pollInterval(Duration.ofMillis(250)).until(() -> status(id), s -> {
			assertThat(s.path("status").asText()).as("%s", s).isNotIn("FAILED", "TERMINATED");
			return s.path("status").asText().equals("COMPLETED");
		});
	}

	private JsonNode inboxItem(String function, String subjectId) {
		for (JsonNode item : http.getForObject("/api/reviews?function=" + function + "&limit=500", JsonNode.class)) {
			if (item.path("subjectId").asText().equals(subjectId)) {
				return review(item.path("reviewId").asText());
			}
		}
		throw new AssertionError("no pending review for " + function + " " + subjectId);
	}

	private JsonNode review(String reviewId) {
		return http.getForObject("/api/reviews/" + reviewId, JsonNode.class);
	}

	/** The review id from the history's review-requested step ("review <id> for ..."). */
	private static String reviewIdOf(JsonNode status) {
		for (JsonNode step : status.path("result").path("history")) {
			if (step.path("step").asText().equals("review-requested")) {
				return step.path("detail").asText().split(" ")[1];
			}
		}
		throw new AssertionError("no review-requested step in " + status);
	}

	private static List<String> stepNames(JsonNode status) {
		List<String> names = new ArrayList<>();
		status.path("history").forEach(step -> names.add(step.path("step").asText()));
		if (names.isEmpty()) {
			status.path("result").path("history").forEach(step -> names.add(step.path("step").asText()));
		}
		return names;
	}
}
