package dev.daca.events;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.events.TestBroker.Event;
import dev.daca.events.TestBroker.Tap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the broker, liveness does not: with RabbitMQ stopped (the real server, by
 * {@code scripts/infra.sh down rabbitmq}) the app leaves readiness (no traffic for it) but stays live (no restart for a
 * broker blip), and when the broker is back it is ready again and consumes again. Same context as
 * {@link RabbitEventFlowTests} (same profiles), so no second start.
 */
@Tag("external")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "rabbit", "postgres", "external" })
class RabbitHealthTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@BeforeAll
	static void serversAreUp() {
		ExternalServers.requireRabbit();
		ExternalServers.requirePostgres();
	}

	@AfterEach
	void brokerIsBack() {
		infra("up", "rabbitmq"); // whatever happened above, leave the broker running for the next test
	}

	@Test
	void aStoppedBrokerTakesTheAppOutOfReadinessButNotOutOfLivenessAndItRecovers() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(status("readiness")));

		infra("down", "rabbitmq");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(status("liveness")).as("liveness while the broker is down").isEqualTo("UP");
			return "DOWN".equals(status("readiness"));
		});
		JsonNode readiness = http.getForObject("/actuator/health/readiness", JsonNode.class);
		assertThat(readiness.path("components").path("rabbit").path("status").asText()).isEqualTo("DOWN");
		assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("UP");

		infra("up", "rabbitmq");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(status("liveness")).as("liveness while the broker comes back").isEqualTo("UP");
			return "UP".equals(status("readiness"));
		});

		// and the consumers reconnected: an event published now is decided
		String postId = "post-" + UUID.randomUUID();
		try (TestBroker broker = new RabbitTestBroker(ExternalServers.RABBIT_HOST, ExternalServers.RABBIT_PORT,
				ExternalServers.RABBIT_USER, ExternalServers.RABBIT_PASSWORD, ExternalServers.RABBIT_VHOST);
				Tap moderated = broker.tap("content.moderated")) {
			broker.publish("content.submitted", new Event(UUID.randomUUID().toString(), "dev.daca.content.submitted",
					postId, json.writeValueAsBytes(Map.of("postId", postId, "text", "Back after the outage"))));
			assertThat(moderated.await(postId, 1, Duration.ofSeconds(60))).hasSize(1);
		}
	}

	private String status(String probe) {
		return http.getForObject("/actuator/health/" + probe, JsonNode.class).path("status").asText();
	}

	/** Runs {@code scripts/infra.sh COMMAND SERVICE} of this checkout and waits for it (it returns once done). */
	private static void infra(String command, String service) {
		Path script = Files.exists(Path.of("../scripts/infra.sh")) ? Path.of("../scripts/infra.sh")
				: Path.of("scripts/infra.sh");
		try {
			Process process = new ProcessBuilder(script.toString(), command, service).redirectErrorStream(true)
				.redirectOutput(new File("target/infra-" + command + "-" + service + ".log"))
				.start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("infra.sh %s %s finished", command, service)
				.isTrue();
			assertThat(process.exitValue()).as("infra.sh %s %s exit code (see target/infra-*.log)", command, service)
				.isZero();
		}
		catch (IOException ex) {
			throw new AssertionError("cannot run " + script + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}
}
