package dev.daca;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.security.Reviewer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the app (two contexts: one database, one real Kafka broker, the first one's in-process broker) and
 * an A2A client that streams from replica B ({@code tasks/resubscribe}) tasks that move on replica A: a review
 * decided on A, a cancel on A. B's stream sees the final events, which reached it only through the topic
 * {@code a2a.task-events}.
 */
class A2aReplicasTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final Reviewer HANA = new Reviewer("hana", Set.of("HOMEOWNER"), Set.of("homeowners"));

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static final HttpClient http = HttpClient.newHttpClient();

	static final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void twoReplicas() {
		String db = "--spring.datasource.url=jdbc:h2:mem:daca-replicas-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		a = new SpringApplicationBuilder(DacaApplication.class).profiles("test").run(db, "--server.port=0");
		String broker = a.getEnvironment().getRequiredProperty("daca.kafka.embedded.bootstrap-servers");
		b = new SpringApplicationBuilder(DacaApplication.class).profiles("test").run(db, "--server.port=0",
				"--daca.kafka.embedded.enabled=false", "--spring.cloud.stream.kafka.binder.brokers=" + broker,
				"--spring.kafka.bootstrap-servers=" + broker);
		awaitBothReplicasFollowTaskEvents(broker);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void aStreamOnBSeesTheTaskResumedByADecisionOnA() throws Exception {
		JsonNode task = call(a, "message/send", unlock()).path("result");
		assertThat(task.path("status").path("state").asText()).isEqualTo("input-required");
		BlockingQueue<JsonNode> onB = resubscribe(b, task.path("id").asText());
		assertThat(next(onB).path("status").path("state").asText()).isEqualTo("input-required");

		a.getBean(Decisions.class).approve(HANA, task.path("metadata").path("reviewId").asText(), null, "go ahead");

		JsonNode decision = next(onB);
		assertThat(decision.path("kind").asText()).isEqualTo("artifact-update");
		assertThat(decision.path("artifact").path("parts").get(0).path("data").path("decidedBy").asText())
			.isEqualTo("hana");
		JsonNode last = next(onB);
		assertThat(last.path("status").path("state").asText()).isEqualTo("completed");
		assertThat(last.path("final").asBoolean()).isTrue();
		assertThat(call(b, "tasks/get", Map.of("id", task.path("id").asText())).path("result").path("status")
			.path("state").asText()).isEqualTo("completed");
	}

	@Test
	void aStreamOnBSeesACancelOnA() throws Exception {
		String taskId = call(a, "message/send", unlock()).path("result").path("id").asText();
		BlockingQueue<JsonNode> onB = resubscribe(b, taskId);
		assertThat(next(onB).path("status").path("state").asText()).isEqualTo("input-required");

		call(a, "tasks/cancel", Map.of("id", taskId));

		JsonNode last = next(onB);
		assertThat(last.path("status").path("state").asText()).isEqualTo("canceled");
		assertThat(last.path("final").asBoolean()).isTrue();
	}

	private static Map<String, Object> unlock() {
		return Map.of("message", Map.of("role", "user", "kind", "message", "messageId", UUID.randomUUID().toString(),
				"parts", List.of(Map.of("kind", "text", "text", "unlock front door")), "metadata",
				Map.of("skill", "actuate")));
	}

	private static JsonNode call(ConfigurableApplicationContext replica, String method, Object params)
			throws Exception {
		HttpResponse<String> response = http.send(request(replica, method, params), HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	/** The events of the SSE stream, as they arrive; the stream ends (a null-free queue stops filling) with it. */
	private static BlockingQueue<JsonNode> resubscribe(ConfigurableApplicationContext replica, String taskId) {
		BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
		http.sendAsync(request(replica, "tasks/resubscribe", Map.of("id", taskId)), HttpResponse.BodyHandlers.ofLines())
			.thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
				try {
					events.add(json.readTree(line.substring(5)).path("result"));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		return events;
	}

	private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
		JsonNode event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(event).as("an event within %s", WAIT).isNotNull();
		return event;
	}

	private static HttpRequest request(ConfigurableApplicationContext replica, String method, Object params) {
		try {
			String port = replica.getEnvironment().getRequiredProperty("local.server.port");
			return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/a2a"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
						Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params))))
				.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Each replica follows a2a.task-events in its own anonymous group, which reads from where it joins: wait (bounded)
	 * until both groups have their partitions, so no event falls in the gap before.
	 */
	private static void awaitBothReplicasFollowTaskEvents(String broker) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker))) {
			await().atMost(WAIT).until(() -> {
				List<String> anonymous = admin.listConsumerGroups().all().get().stream()
					.map(ConsumerGroupListing::groupId).filter(id -> id.startsWith("anonymous.")).toList();
				return admin.describeConsumerGroups(anonymous).all().get().values().stream()
					.filter(group -> group.members().stream().anyMatch(member -> member.assignment().topicPartitions()
						.stream().anyMatch(partition -> partition.topic().equals("a2a.task-events"))))
					.count() >= 2;
			});
		}
	}
}
