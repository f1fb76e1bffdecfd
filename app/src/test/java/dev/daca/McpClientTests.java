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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our MCP server as an independent client sees it: the official MCP Python SDK ({@code protocols/mcp_client.py})
 * initializes a session over Streamable HTTP against the running app, lists the tools, calls each one and makes bad
 * calls; this class asserts on what the client reported. One client run serves every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpClientTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	JsonNode report;

	@BeforeAll
	void runTheClient() throws Exception {
		String out = PythonClients.run("mcp_client.py", Duration.ofMinutes(2), "http://localhost:" + port + "/mcp");
		report = json.readTree(out);
	}

	@Test
	void initializesAndListsOneToolPerFunctionWithItsSchema() {
		assertThat(report.path("server").path("name").asText()).isEqualTo("daca");
		assertThat(report.path("server").path("tools").asBoolean()).isTrue();
		JsonNode tools = report.path("tools");
		assertThat(names(tools)).containsExactlyInAnyOrder("classify", "diagnose", "recommend", "actuate",
				"request_review", "list_pending_reviews", "get_review");
		JsonNode classify = tools.path("classify").path("inputSchema");
		assertThat(classify.path("type").asText()).isEqualTo("object");
		assertThat(classify.path("required").toString()).contains("postId", "text");
		assertThat(classify.path("properties").path("text").path("description").asText()).isNotBlank();
		JsonNode diagnose = tools.path("diagnose").path("inputSchema").path("properties");
		assertThat(diagnose.path("age").path("type").asText()).isEqualTo("integer");
		assertThat(tools.path("actuate").path("inputSchema").path("properties").path("signal").path("enum").toString())
			.contains("command", "reading");
	}

	@Test
	void annotationsAreHonest() {
		JsonNode tools = report.path("tools");
		for (String readOnly : List.of("classify", "diagnose", "recommend", "request_review", "list_pending_reviews",
				"get_review")) {
			assertThat(tools.path(readOnly).path("annotations").path("readOnlyHint").asBoolean()).as(readOnly).isTrue();
		}
		JsonNode actuate = tools.path("actuate").path("annotations");
		assertThat(actuate.path("readOnlyHint").asBoolean()).isFalse();
		assertThat(actuate.path("destructiveHint").asBoolean()).isTrue();
	}

	@Test
	void eachFunctionToolAnswersWithStructuredContent() {
		JsonNode calls = report.path("calls");
		assertThat(calls.path("classify").path("isError").asBoolean()).isFalse();
		assertThat(calls.path("classify").path("structured").path("label").asText()).isEqualTo("hate");
		assertThat(calls.path("classify").path("text").get(0).asText()).contains("\"label\":\"hate\"");
		assertThat(calls.path("diagnose").path("structured").path("urgency").asText()).isEqualTo("emergency");
		assertThat(calls.path("recommend").path("isError").asBoolean()).isFalse();
		assertThat(calls.path("recommend").path("structured").path("items").size()).isBetween(1, 3);
		JsonNode routing = calls.path("request_review").path("structured");
		assertThat(routing.path("routing").asText()).isEqualTo("review");
		assertThat(routing.path("function").asText()).isEqualTo("diagnose");
		assertThat(routing.path("candidateGroup").asText()).isEqualTo("clinicians");
		JsonNode classified = calls.path("request_review_classify").path("structured");
		assertThat(classified.path("function").asText()).isEqualTo("classify");
		assertThat(classified.path("routing").asText()).isIn("review", "automatic");
	}

	@Test
	void aHighImpactActuationIsFiledForApprovalNotExecuted() {
		JsonNode unlock = report.path("calls").path("actuate").path("structured");
		assertThat(unlock.path("executed").asBoolean()).isFalse();
		assertThat(unlock.path("approvalRequired").asBoolean()).isTrue();
		assertThat(unlock.path("plan").path("actions").get(0).path("action").asText()).isEqualTo("unlock");
		String reviewId = unlock.path("review").path("reviewId").asText();
		assertThat(reviewId).isNotBlank();
		JsonNode filed = report.path("calls").path("get_review").path("structured");
		assertThat(filed.path("reviewId").asText()).isEqualTo(reviewId);
		assertThat(filed.path("status").asText()).isEqualTo("pending");
		assertThat(filed.path("actionHash").asText()).isEqualTo(unlock.path("review").path("actionHash").asText());
		assertThat(report.path("calls").path("list_pending_reviews").path("structured").path("reviews"))
			.anySatisfy(review -> assertThat(review.path("reviewId").asText()).isEqualTo(reviewId));
		JsonNode lights = report.path("calls").path("actuate_low").path("structured");
		assertThat(lights.path("approvalRequired").asBoolean()).isFalse();
		assertThat(lights.path("executed").asBoolean()).isFalse();
	}

	@Test
	void invalidCallsGetErrorResultsNamingTheProblemAndTheSessionGoesOn() {
		JsonNode invalid = report.path("invalid");
		assertThat(invalid.path("missing_required").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("missing_required").path("text").get(0).asText()).contains("text");
		assertThat(invalid.path("wrong_type").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("wrong_type").path("text").get(0).asText()).contains("age");
		assertThat(invalid.path("unknown_review").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("unknown_review").path("text").get(0).asText()).contains("no-such-review");
		assertThat(invalid.path("unknown_argument").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("unknown_argument").path("text").get(0).asText()).contains("colour");
		assertThat(report.path("after_invalid").asInt()).isEqualTo(7);
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new java.util.ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}
}
