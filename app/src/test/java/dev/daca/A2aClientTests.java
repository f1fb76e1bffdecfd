package dev.daca;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our A2A agent as an independent client sees it: the official A2A Python SDK ({@code protocols/a2a_client.py})
 * reads the card from both well-known paths, sends, streams, gets, resubscribes and cancels over JSON-RPC, and posts
 * malformed requests; where a task is input-required, the script decides its review on the inbox's pages over HTTP as
 * the demo reviewer, with the A2A stream open. This class asserts on what it reported. One client run serves every
 * test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class A2aClientTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestRestTemplate http;

	JsonNode report;

	@BeforeAll
	void runTheClient() throws Exception {
		report = json.readTree(PythonClients.run("a2a_client.py", Duration.ofMinutes(2), "http://localhost:" + port));
	}

	@Test
	void oneCardAtBothPathsWithASkillPerFunction() {
		JsonNode card = report.path("card");
		assertThat(report.path("legacy_card_same").asBoolean()).isTrue();
		assertThat(card.path("url").asText()).isEqualTo("http://localhost:" + port + "/a2a");
		assertThat(card.path("capabilities").path("streaming").asBoolean()).isTrue();
		assertThat(card.path("skills").findValuesAsText("id")).containsExactly("classify", "diagnose", "recommend",
				"actuate", "request-review");
		card.path("skills").forEach(skill -> assertThat(skill.path("examples").size()).isPositive());
		assertThat(card.path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
		assertThat(card.path("defaultInputModes").toString()).contains("application/json", "text/plain");
	}

	@Test
	void sendRunsTheFunctionToCompletion() {
		JsonNode classified = report.path("send").path("classify_text");
		assertThat(classified.path("status").path("state").asText()).isEqualTo("completed");
		JsonNode data = classified.path("artifacts").get(0).path("parts").get(0).path("data");
		assertThat(data.path("outcome").path("label").asText()).isEqualTo("safe");
		assertThat(data.path("approvalRequired").asBoolean()).isFalse();
		JsonNode recommended = report.path("send").path("recommend_data");
		assertThat(recommended.path("status").path("state").asText()).isEqualTo("completed");
		assertThat(recommended.path("artifacts").get(0).path("parts").get(0).path("data").path("outcome")
			.path("items").size()).isEqualTo(2);
	}

	@Test
	void aHighImpactPlanIsInputRequiredWithItsReviewFiled() {
		JsonNode unlock = report.path("send").path("actuate_unlock");
		assertThat(unlock.path("status").path("state").asText()).isEqualTo("input-required");
		String reviewId = unlock.path("metadata").path("reviewId").asText();
		assertThat(reviewId).isNotBlank();
		assertThat(unlock.path("status").path("message").path("parts").get(0).path("text").asText())
			.contains(reviewId, "homeowners");
		JsonNode filed = http.getForObject("/api/reviews/" + reviewId, JsonNode.class);
		assertThat(filed.path("function").asText()).isEqualTo("actuate");
		assertThat(filed.path("status").asText()).isEqualTo("pending");
	}

	@Test
	void anEmergencyStreamIsInterruptedForTheClinicianAndEndsRejectedWhenTheyReject() {
		JsonNode events = report.path("stream");
		assertThat(kinds(events)).containsExactly("task", "status-update", "artifact-update",
				"status-update", "status-update");
		assertThat(events.get(0).path("status").path("state").asText()).isEqualTo("submitted");
		assertThat(events.get(1).path("status").path("state").asText()).isEqualTo("working");
		assertThat(events.get(2).path("artifact").path("parts").get(0).path("data").path("outcome").path("urgency")
			.asText()).isEqualTo("emergency");
		assertThat(events.get(3).path("status").path("state").asText()).isEqualTo("input-required");
		assertThat(events.get(3).path("final").asBoolean()).isFalse();
		assertThat(report.path("decided").path("stream_reject").asInt()).isEqualTo(200);
		assertThat(events.get(4).path("status").path("state").asText()).isEqualTo("rejected");
		assertThat(events.get(4).path("final").asBoolean()).isTrue();
		JsonNode stored = report.path("get_after_reject");
		assertThat(stored.path("status").path("state").asText()).isEqualTo("rejected");
		assertThat(stored.path("status").path("message").path("parts").get(0).path("text").asText())
			.contains("carol", "seen in person already");
	}

	@Test
	void aResubscribedUnlockCompletesWithTheHomeownersEditedApproval() {
		JsonNode events = report.path("resubscribe_decided");
		assertThat(kinds(events)).containsExactly("task", "artifact-update", "status-update");
		assertThat(events.get(0).path("status").path("state").asText()).isEqualTo("input-required");
		assertThat(report.path("decided").path("resubscribe_approve").asInt()).isEqualTo(200);
		JsonNode decision = events.get(1).path("artifact");
		assertThat(decision.path("name").asText()).isEqualTo("decision");
		JsonNode data = decision.path("parts").get(0).path("data");
		assertThat(data.path("outcome").asText()).isEqualTo("approved");
		assertThat(data.path("decidedBy").asText()).isEqualTo("hana");
		assertThat(data.path("edited").asBoolean()).isTrue();
		assertThat(data.path("approvedAction").path("parameters").path("relockAfterMinutes").asInt()).isEqualTo(10);
		assertThat(events.get(2).path("status").path("state").asText()).isEqualTo("completed");
		assertThat(events.get(2).path("final").asBoolean()).isTrue();
		JsonNode stored = report.path("get_after_approve");
		assertThat(stored.path("status").path("state").asText()).isEqualTo("completed");
		assertThat(stored.path("artifacts").findValuesAsText("name")).containsExactly("result", "decision");
		assertThat(stored.path("status").path("message").path("parts").get(0).path("text").asText())
			.contains("hana", "with changes", "only for the plumber");
	}

	@Test
	void getResubscribeAndCancelSeeTheStoredTask() {
		String id = report.path("send").path("actuate_unlock").path("id").asText();
		assertThat(report.path("get").path("id").asText()).isEqualTo(id);
		assertThat(report.path("get").path("status").path("state").asText()).isEqualTo("input-required");
		assertThat(report.path("get").path("history").size()).isEqualTo(2);
		assertThat(report.path("get_history_1").path("history").size()).isEqualTo(1);
		JsonNode resubscribed = report.path("resubscribe");
		assertThat(resubscribed.get(0).path("status").path("state").asText()).isEqualTo("input-required");
		assertThat(resubscribed.get(resubscribed.size() - 1).path("status").path("state").asText())
			.isEqualTo("canceled");
		assertThat(report.path("cancel").path("status").path("state").asText()).isEqualTo("canceled");
		assertThat(report.path("get_after_cancel").path("status").path("state").asText()).isEqualTo("canceled");
	}

	@Test
	void errorsCarryTheSpecCodes() {
		JsonNode errors = report.path("errors");
		assertThat(errors.path("cancel_completed").path("code").asInt()).isEqualTo(-32002);
		assertThat(errors.path("get_unknown").path("code").asInt()).isEqualTo(-32001);
		assertThat(errors.path("unknown_skill").path("code").asInt()).isEqualTo(-32602);
		assertThat(errors.path("bad_input").path("code").asInt()).isEqualTo(-32602);
		assertThat(errors.path("bad_input").path("message").asText()).contains("age");
		JsonNode raw = report.path("raw");
		assertThat(raw.path("parse").path("error").path("code").asInt()).isEqualTo(-32700);
		assertThat(raw.path("parse").path("id").isNull()).isTrue();
		assertThat(raw.path("not_jsonrpc").path("error").path("code").asInt()).isEqualTo(-32600);
		assertThat(raw.path("array").path("error").path("code").asInt()).isEqualTo(-32600);
		assertThat(raw.path("unknown_method").path("error").path("code").asInt()).isEqualTo(-32601);
		assertThat(raw.path("unknown_method").path("id").asInt()).isEqualTo(7);
		assertThat(raw.path("missing_params").path("error").path("code").asInt()).isEqualTo(-32602);
	}

	private static List<String> kinds(JsonNode events) {
		return events.valueStream().map(event -> event.path("kind").asText()).toList();
	}
}
