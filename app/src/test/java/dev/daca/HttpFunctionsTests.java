package dev.daca;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions over HTTP on the running app (embedded default: real in-process Kafka, H2, the offline engine):
 * what a newcomer's first curl calls see, and what bad input gets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
class HttpFunctionsTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void hatefulAndBenignPostsGetDifferentLabels() {
		JsonNode hateful = post("/fn/classify",
				Map.of("postId", "p-1", "text", "People like you are subhuman vermin and should be wiped out"));
		JsonNode benign = post("/fn/classify",
				Map.of("postId", "p-2", "text", "Lovely sunset at the beach tonight, thanks for the photo tips!"));
		assertThat(hateful.path("label").asText()).isNotEqualTo(benign.path("label").asText());
		assertThat(benign.path("label").asText()).isEqualTo("safe");
		assertThat(hateful.path("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(benign.path("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(hateful.path("decidedBy").path("engine").asText()).isEqualTo("embedded");
	}

	@Test
	void crushingChestPainWithShortnessOfBreathIsAnEmergency() {
		JsonNode assessment = post("/fn/diagnose", Map.of("patientId", "pt-1", "symptoms",
				"crushing chest pain and shortness of breath", "age", 58));
		assertThat(assessment.path("urgency").asText()).isEqualTo("emergency");
		assertThat(assessment.path("disclaimer").asText()).containsIgnoringCase("not medical advice");
	}

	@Test
	void unlockingTheFrontDoorBecomesAnApprovalRequestNotAnAction() {
		JsonNode plan = post("/fn/actuate",
				Map.of("signal", "command", "homeId", "home-1", "text", "unlock front door", "requestedBy", "guest"));
		JsonNode unlock = plan.path("actions").get(0);
		assertThat(unlock.path("action").asText()).isEqualTo("unlock");
		assertThat(unlock.path("requiresApproval").asBoolean()).isTrue();
		JsonNode routing = post("/fn/request-review", plan);
		assertThat(routing.path("routing").asText()).isEqualTo("review");
		assertThat(routing.path("candidateGroup").asText()).isEqualTo("homeowners");
	}

	@Test
	void malformedJsonIsA400Problem() {
		ResponseEntity<JsonNode> response = raw("/fn/classify", "{\"postId\": \"p-1\", \"text\": ");
		assertProblem(response, HttpStatus.BAD_REQUEST);
	}

	@Test
	void missingFieldsAndWrongTypesAre400ProblemsNamingTheField() {
		ResponseEntity<JsonNode> missing = raw("/fn/classify", "{\"postId\": \"p-1\"}");
		assertProblem(missing, HttpStatus.BAD_REQUEST);
		assertThat(missing.getBody().path("detail").asText()).contains("text");
		ResponseEntity<JsonNode> wrongType = raw("/fn/diagnose",
				"{\"patientId\": \"pt\", \"symptoms\": \"cough\", \"age\": \"old\"}");
		assertProblem(wrongType, HttpStatus.BAD_REQUEST);
		assertThat(wrongType.getBody().path("detail").asText()).contains("age");
	}

	@Test
	void oversizeBodyIsA413Problem() {
		ResponseEntity<JsonNode> response = raw("/fn/classify",
				"{\"postId\": \"p\", \"text\": \"" + "a".repeat(70_000) + "\"}");
		assertProblem(response, HttpStatus.PAYLOAD_TOO_LARGE);
	}

	@Test
	void unknownFunctionIsA404Problem() {
		assertProblem(raw("/fn/no-such-function", "{}"), HttpStatus.NOT_FOUND);
	}

	@Test
	void openApiDescribesEveryFunction() {
		JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
		for (String fn : new String[] { "classify", "diagnose", "recommend", "actuate", "request-review" }) {
			assertThat(api.path("paths").has("/fn/" + fn)).as(fn).isTrue();
		}
	}

	@Test
	void actuatorShowsHealthAndPrometheusMetrics() {
		assertThat(http.getForObject("/actuator/health", JsonNode.class).path("status").asText()).isEqualTo("UP");
		post("/fn/classify", Map.of("postId", "p-3", "text", "Buy cheap followers now!!! click http://spam.example"));
		String prometheus = http.getForObject("/actuator/prometheus", String.class);
		assertThat(prometheus).contains("daca_decisions_total");
	}

	private JsonNode post(String path, Object body) {
		ResponseEntity<JsonNode> response = http.postForEntity(path, body, JsonNode.class);
		assertThat(response.getStatusCode()).as(path + " -> " + response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private ResponseEntity<JsonNode> raw(String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isNotNull();
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(String.valueOf(response.getHeaders().getContentType()))
			.isTrue();
		assertThat(response.getBody().path("detail").asText()).isNotBlank();
		assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("\tat ");
	}
}
