package dev.daca.events;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.events.TestBroker.Event;
import dev.daca.events.TestBroker.Tap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline scenario with the hot state in Redis: the {@code kafka}, {@code postgres} and {@code redis} profiles
 * as shipped, on the real servers of {@code scripts/infra.sh up kafka postgres redis}, keys under a prefix of this
 * run's own. Plus what only Redis changes, read back with a plain Redis client: device state lands in the home's
 * hash (not in {@code device_state}) and the sensor sweep commands from it; shopper events land in a capped list with
 * a TTL and reach {@code recommend} on the topic path; readiness includes Redis, liveness does not.
 */
@Tag("external")
/* its consumers leave the shared broker group when its class is done, so the next external suite gets every
 * partition */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "kafka", "postgres", "redis", "external" })
class RedisEventFlowTests extends EventFlowScenario {

	static final String TRIGGER_KEY = "trigger-key-for-redis-tests";

	static final TestRedis redis = new TestRedis(); // fails here, with what to run, when Redis is not there

	@Autowired
	JdbcTemplate db;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ExternalServers.requireKafka();
		ExternalServers.requirePostgres();
		registry.add("daca.hot-state.key-prefix", () -> redis.prefix);
		registry.add("spring.data.redis.host", () -> ExternalServers.REDIS_HOST);
		registry.add("spring.data.redis.port", () -> ExternalServers.REDIS_PORT);
		registry.add("daca.triggers.key", () -> TRIGGER_KEY);
		// a zone where it is now a little after midnight, so the sweep finds it night with the real clock
		int utcHour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
		int offset = -utcHour >= -18 ? -utcHour : 24 - utcHour;
		registry.add("daca.home.sweep.zone", () -> ZoneOffset.ofHours(offset).getId());
		registry.add("daca.schedule.jobs.sensor-sweep.cron", () -> "0 0 0 1 1 *"); // triggered by the test only
	}

	@AfterAll
	static void deleteThisRunsKeys() {
		redis.close();
	}

	@Override
	TestBroker connect() {
		return new KafkaTestBroker(ExternalServers.KAFKA_BROKERS);
	}

	@Test
	void deviceStateLivesInRedisAndTheSensorSweepCommandsFromIt() throws Exception {
		String homeId = "home-" + UUID.randomUUID();
		Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		broker.publish("home.signals", new Event(UUID.randomUUID().toString(), "dev.daca.home.signalled", homeId,
				json.writeValueAsBytes(Map.of("signal", "reading", "homeId", homeId, "deviceId", "front-lock", "sensor",
						"lock", "state", "unlocked", "room", "hall", "at", readAt.toString()))));

		String home = redis.prefix + "home:" + homeId;
		await().atMost(WAIT).until(() -> redis.redis.opsForHash().hasKey(home, "front-lock"));
		assertThat(json.readTree((String) redis.redis.opsForHash().get(home, "front-lock")).path("state").asText())
			.isEqualTo("unlocked");
		assertThat(redis.redis.opsForSet().isMember(redis.prefix + "homes", homeId)).isTrue();
		assertThat(redis.redis.getExpire(home)).as("TTL of %s", home).isPositive();
		assertThat(db.queryForObject("select count(*) from device_state where home_id = ?", Long.class, homeId))
			.as("stored once: in Redis, not in the table")
			.isZero();

		JsonNode run = sweep();
		assertThat(run.path("counts").path("night").asInt()).isEqualTo(1);
		assertThat(run.path("counts").path("commanded").asInt()).as("%s", run).isEqualTo(1);
		String commandId = "sweep:" + homeId + ":front-lock:" + readAt.toEpochMilli();
		// planHome's first event trains actuate's intent classifier: slow on a loaded machine
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			JsonNode path = http.getForObject("/events/" + commandId, JsonNode.class);
			assertThat(path.path("steps").findValues("output")).as("%s", path)
				.anySatisfy(plan -> assertThat(plan.path("actions").path(0).path("action").asText()).isEqualTo("lock"));
		});
		assertThat(redis.redis.opsForHash().get(redis.prefix + "home-commanded:" + homeId, "front-lock"))
			.isEqualTo(String.valueOf(readAt.toEpochMilli()));
		JsonNode again = sweep();
		assertThat(again.path("counts").path("commanded").asInt()).isZero();
		assertThat(again.path("counts").path("alreadyCommanded").asInt()).isEqualTo(1);
	}

	@Test
	void recentShopperEventsLiveInACappedListAndRecommendSeesThemOnTheTopicPath() throws Exception {
		// over HTTP (no memory) a shopper who bought C01 is recommended `first`...
		JsonNode probe = http.postForObject("/fn/recommend",
				Map.of("userId", "probe", "events", List.of(Map.of("productId", "C01", "kind", "bought")), "limit", 10),
				JsonNode.class);
		String first = probe.path("items").get(0).path("productId").asText();
		assertThat(first).as("%s", probe).isNotBlank().isNotEqualTo("C01");

		// ...on the topic path a shopper who viewed `first` earlier is not: recommend saw both events
		String userId = "shopper-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		try (Tap made = broker.tap("recommendations.made")) {
			broker.publish("shopper.activity", shopperActivity(userId, first, "viewed", now.minusSeconds(60)));
			made.await(userId, 1, WAIT);
			broker.publish("shopper.activity", shopperActivity(userId, "C01", "bought", now));
			JsonNode second = json.readTree(made.await(userId, 1, WAIT).get(0).data());
			assertThat(second.path("items").findValuesAsText("productId")).as("%s", second)
				.isNotEmpty()
				.doesNotContain(first, "C01");
		}
		String key = redis.prefix + "shopper:" + userId + ":events";
		List<String> events = redis.redis.opsForList().range(key, 0, -1);
		assertThat(events).hasSize(2);
		assertThat(events.get(0)).contains("\"C01\"").contains("bought");
		assertThat(events.get(1)).contains("\"" + first + "\"").contains("viewed");
		assertThat(redis.redis.getExpire(key)).as("TTL of %s", key).isPositive();
	}

	@Test
	void theLatestRecommendationsAreOneKeyPerShopperWithATtlAndAProblemOnceExpired() throws Exception {
		String userId = "shopper-" + UUID.randomUUID();
		try (Tap made = broker.tap("recommendations.made")) {
			broker.publish("shopper.activity", shopperActivity(userId, "C01", "bought", Instant.now()));
			made.await(userId, 1, WAIT);
		}
		String key = redis.prefix + "shopper:" + userId + ":recommendations";
		assertThat(json.readTree(redis.redis.opsForValue().get(key)))
			.isEqualTo(http.getForObject("/api/shoppers/" + userId + "/recommendations", JsonNode.class));
		assertThat(redis.redis.getExpire(key)).as("daca.hot-state.recommendations-ttl, PT1H")
			.isBetween(Duration.ofMinutes(59).toSeconds(), Duration.ofHours(1).toSeconds());

		redis.redis.expire(key, Duration.ofMillis(1)); // as if the hour had passed
		await().atMost(Duration.ofSeconds(5)).until(() -> !redis.redis.hasKey(key));
		ResponseEntity<JsonNode> expired = http.getForEntity("/api/shoppers/" + userId + "/recommendations",
				JsonNode.class);
		assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(expired.getBody().path("status").asInt()).isEqualTo(404);
	}

	@Test
	void theReviewCountsAreOneSharedKeyWithTheTtlRecountedOnlyOnceItExpired() throws Exception {
		String key = redis.prefix + "review-counts";
		redis.redis.delete(key);
		JsonNode counted = http.getForObject("/api/reviews/counts", JsonNode.class);
		assertThat(json.readTree(redis.redis.opsForValue().get(key))).isEqualTo(counted);
		assertThat(redis.redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS))
			.as("daca.hot-state.review-counts-ttl, 2 s in the test profile")
			.isBetween(1L, 2000L);
		// another replica's view: what the key holds, not a count of its own
		var fromAnotherReplica = (com.fasterxml.jackson.databind.node.ObjectNode) counted.deepCopy();
		fromAnotherReplica.put("countedAt", "1999-01-01T00:00:00Z");
		redis.redis.opsForValue().set(key, json.writeValueAsString(fromAnotherReplica), Duration.ofSeconds(2));
		assertThat(http.getForObject("/api/reviews/counts", JsonNode.class)).isEqualTo(fromAnotherReplica);

		await().atMost(Duration.ofSeconds(10)).until(() -> !redis.redis.hasKey(key));
		JsonNode recounted = http.getForObject("/api/reviews/counts", JsonNode.class);
		assertThat(Instant.parse(recounted.path("countedAt").asText()))
			.isAfter(Instant.parse(counted.path("countedAt").asText()));
		assertThat(redis.redis.hasKey(key)).isTrue();
	}

	@Test
	void readinessIncludesRedisAndLivenessLooksAtNothingOutside() {
		JsonNode readiness = http.getForObject("/actuator/health/readiness", JsonNode.class);
		assertThat(readiness.path("components").path("redis").path("status").asText()).as("%s", readiness)
			.isEqualTo("UP");
		JsonNode liveness = http.getForObject("/actuator/health/liveness", JsonNode.class);
		assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
	}

	private Event shopperActivity(String userId, String productId, String kind, Instant at) throws Exception {
		return new Event(UUID.randomUUID().toString(), "dev.daca.shopper.activity", userId,
				json.writeValueAsBytes(Map.of("userId", userId, "events",
						List.of(Map.of("productId", productId, "kind", kind, "at", at.toString())), "limit", 10)));
	}

	private JsonNode sweep() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Trigger-Key", TRIGGER_KEY);
		ResponseEntity<JsonNode> response = http.exchange("/triggers/sensor-sweep", HttpMethod.POST,
				new HttpEntity<>(null, headers), JsonNode.class);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}
}
