package dev.daca.workflows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durability on the real runtime: the app runs as its own process (the same classes, {@code dapr} profile, H2 file
 * database), a moderation workflow waits for a moderator, the app is killed with SIGKILL and started again, then
 * daprd is killed with SIGKILL and the runtime started again; the decision delivered afterwards completes the
 * workflow exactly once with the moderator's outcome. Its own ports (app 18081, daprd 3510/25011, ...), so it does
 * not meet {@link DaprWorkflowsTests}' sidecar or the workflow runtime that test's JVM keeps.
 */
@Tag("dapr")
class WorkflowDurabilityTests {

	private static final int APP_PORT = 18081;

	private static final int DAPR_HTTP = 3510;

	private static final int DAPR_GRPC = 25011;

	private static final Map<String, String> PORTS = Map.ofEntries(Map.entry("DAPR_HTTP_PORT", "" + DAPR_HTTP),
			Map.entry("DAPR_GRPC_PORT", "" + DAPR_GRPC), Map.entry("DAPR_INTERNAL_GRPC_PORT", "25012"),
			Map.entry("DAPR_METRICS_PORT", "25190"), Map.entry("PLACEMENT_PORT", "25015"),
			Map.entry("PLACEMENT_RAFT_PORT", "25211"), Map.entry("PLACEMENT_HEALTHZ_PORT", "25181"),
			Map.entry("PLACEMENT_METRICS_PORT", "25191"), Map.entry("SCHEDULER_PORT", "25016"),
			Map.entry("SCHEDULER_HEALTHZ_PORT", "25182"), Map.entry("SCHEDULER_METRICS_PORT", "25192"),
			Map.entry("SCHEDULER_ETCD_CLIENT_PORT", "25389"), Map.entry("SCHEDULER_ETCD_PEER_PORT", "25390"));

	private final RestTemplate http = new RestTemplateBuilder().rootUri("http://127.0.0.1:" + APP_PORT)
		.errorHandler(new org.springframework.web.client.NoOpResponseErrorHandler())
		.build();

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
	Path data;

	private DaprSidecar sidecar;

	private Process app;

	private String runDir;

	@AfterEach
	void stop() {
		if (app != null) {
			app.destroyForcibly();
		}
		if (sidecar != null) {
			sidecar.down();
		}
	}

	@Test
	void aWaitingWorkflowSurvivesKillingTheAppAndThenDaprdAndCompletesOnce() throws Exception {
		String state = DaprSidecar.stateStore();
		runDir = "/tmp/daca-dapr-durability-" + state;
		sidecar = DaprSidecar.start(state, runDir, APP_PORT, PORTS);
		Path policy = data.resolve("review-policy.yml");
		Files.writeString(policy, """
				classify:
				  at-or-above-risk: low
				  deadline: PT10M
				  on-timeout: hide-post
				  candidate-group: moderators
				""");
		app = startApp(policy, "first");

		String postId = "durable-" + UUID.randomUUID();
		ResponseEntity<JsonNode> started = http.postForEntity("/workflows/moderation",
				Map.of("postId", postId, "text", "People like you are subhuman vermin and should be wiped out"),
				JsonNode.class);
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
		String id = started.getBody().path("instanceId").asText();
		await().atMost(Duration.ofSeconds(60)).until(() -> steps(id).contains("review-requested"));
		JsonNode item = pendingReview(postId);
		String proposed = item.path("proposedAction").path("kind").asText();

		app.destroyForcibly().waitFor(); // SIGKILL
		app = startApp(policy, "second");
		assertThat(steps(id)).containsExactly("classified", "review-requested");
		// filed a moment before the kill, and still in the inbox: the workflow will settle it
		assertThat(http.getForObject("/api/reviews/" + item.path("reviewId").asText(), JsonNode.class)
			.path("status").asText()).isEqualTo("pending");

		new ProcessBuilder("kill", "-9", String.valueOf(sidecar.daprdPid())).start().waitFor();
		sidecar.down(); // daprd is gone already; stops placement and scheduler
		sidecar.up();
		DaprSidecar.awaitPlacement(DAPR_HTTP, Duration.ofSeconds(60));
		assertThat(steps(id)).containsExactly("classified", "review-requested");

		// right after the restart the app's gRPC channel may still be backing off: 503, retried like any client would
		Map<String, String> decision = Map.of("decision", "approve", "reviewer", "mod-kim", "actionHash",
				item.path("actionHash").asText());
		ResponseEntity<JsonNode> delivered = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> http.postForEntity("/workflows/" + id + "/decision", decision, JsonNode.class),
					r -> r.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(delivered.getStatusCode()).as("%s", delivered.getBody()).isEqualTo(HttpStatus.ACCEPTED);

		JsonNode done;
		try {
			done = await().atMost(Duration.ofSeconds(60))
				.until(() -> status(id), s -> s.path("status").asText().equals("COMPLETED"));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + logs(), ex);
		}
		assertThat(done.path("result").path("action").asText()).isEqualTo(proposed);
		assertThat(done.path("result").path("decidedBy").asText()).isEqualTo("reviewer:mod-kim");
		assertThat(stepNames(done.path("result").path("history")))
			.containsExactly("classified", "review-requested", "decided", "published");
		assertThat(http.getForObject("/api/reviews/" + item.path("reviewId").asText(), JsonNode.class)
			.path("status").asText()).isEqualTo("approved");
	}

	private Process startApp(Path policy, String name) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
				"dev.daca.DacaApplication", "--spring.profiles.active=dapr", "--server.port=" + APP_PORT,
				"--daca.data-dir=" + data, "--daca.review.policy-file=" + policy,
				"--daca.kafka.embedded.log-dir=" + data.resolve("kafka")));
		File log = data.resolve("app-" + name + ".log").toFile();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
		builder.environment().put("DAPR_HTTP_PORT", "" + DAPR_HTTP);
		builder.environment().put("DAPR_GRPC_PORT", "" + DAPR_GRPC);
		Process process = builder.start();
		try {
			await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("the app exited: " + tail(log));
				}
				return healthy();
			});
			DaprSidecar.awaitPlacement(DAPR_HTTP, Duration.ofSeconds(60));
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("the app did not start; log " + log + ":\n" + tail(log), ex);
		}
		return process;
	}

	private boolean healthy() {
		try {
			return http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().is2xxSuccessful();
		}
		catch (RestClientException down) {
			return false;
		}
	}

	private JsonNode status(String id) {
		ResponseEntity<JsonNode> response = http.getForEntity("/workflows/" + id, JsonNode.class);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().path("status").asText())
			.as(() -> response.getBody() + logs())
			.isNotIn("FAILED", "TERMINATED");
		return response.getBody();
	}

	private String logs() {
		return "\nthe app's log:\n" + tail(data.resolve("app-second.log").toFile()) + "\ndaprd's log:\n"
				+ tail(Path.of(runDir, "daprd.log").toFile());
	}

	private List<String> steps(String id) {
		return stepNames(status(id).path("history"));
	}

	private JsonNode pendingReview(String postId) {
		for (JsonNode item : http.getForObject("/api/reviews?function=classify&limit=500", JsonNode.class)) {
			if (item.path("subjectId").asText().equals(postId)) {
				return item;
			}
		}
		throw new AssertionError("no pending review for " + postId);
	}

	private static List<String> stepNames(JsonNode history) {
		List<String> names = new ArrayList<>();
		history.forEach(step -> names.add(step.path("step").asText()));
		return names;
	}

	private static String tail(File log) {
		try {
			List<String> lines = Files.readAllLines(log.toPath());
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}
}
