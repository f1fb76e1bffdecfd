package dev.daca;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The review policy changes at runtime, without a restart, and the next outcome is routed by the new one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewPolicyAtRuntimeTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void aNewPolicyAppliesToTheNextOutcome() {
		String original = http.getForObject("/actuator/reviewpolicy", JsonNode.class).path("yaml").asText();
		JsonNode lights = http.postForObject("/fn/actuate",
				Map.of("signal", "command", "homeId", "h-9", "text", "turn on the kitchen lights"), JsonNode.class);
		try {
			assertThat(route(lights)).isEqualTo("automatic");

			ResponseEntity<JsonNode> replaced = http.postForEntity("/actuator/reviewpolicy",
					Map.of("yaml", "actuate:\n  at-or-above-risk: low\n  candidate-group: homeowners\n"), JsonNode.class);
			assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(route(lights)).isEqualTo("review");

			ResponseEntity<JsonNode> invalid = http.postForEntity("/actuator/reviewpolicy",
					Map.of("yaml", "actuate:\n  below-confidence: 2\n"), JsonNode.class);
			assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(route(lights)).as("a refused policy leaves the one in force").isEqualTo("review");
		}
		finally {
			http.postForEntity("/actuator/reviewpolicy", Map.of("yaml", original), JsonNode.class);
		}
		assertThat(route(lights)).isEqualTo("automatic");
	}

	private String route(JsonNode outcome) {
		return http.postForObject("/fn/request-review", outcome, JsonNode.class).path("routing").asText();
	}
}
