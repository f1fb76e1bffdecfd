package dev.daca.bindings.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.events.TestRedis;
import dev.daca.functions.home.SensorReading;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisDeviceStates} on the real Redis of {@code scripts/infra.sh up redis}, read back with a plain client:
 * the hash per home, the set of homes, the TTLs, newer-reading-wins, the sweep's view and its "commanded" mark.
 */
@Tag("external")
class RedisDeviceStatesTests {

	static TestRedis redis;

	static HotStateProperties properties;

	static DeviceStates states;

	static final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

	@BeforeAll
	static void connect() {
		redis = new TestRedis();
		properties = new HotStateProperties("redis", redis.prefix, Duration.ofMinutes(5), 50, Duration.ofMinutes(5),
				Duration.ofHours(1), Duration.ofSeconds(10));
		states = new RedisDeviceStates(redis.redis, json, properties);
	}

	@AfterAll
	static void cleanUp() {
		redis.close();
	}

	@Test
	void aReadingLandsInItsHomesHashWithTheHomeInTheSetAndExpiresWithTheHome() throws Exception {
		Instant at = Instant.parse("2025-01-01T23:00:00Z");
		states.record(lock("h-1", "front", "unlocked", at));

		String home = redis.prefix + "home:h-1";
		assertThat(redis.redis.opsForSet().isMember(redis.prefix + "homes", "h-1")).isTrue();
		String stored = (String) redis.redis.opsForHash().get(home, "front");
		assertThat(json.readTree(stored).path("state").asText()).isEqualTo("unlocked");
		assertThat(json.readTree(stored).path("at").asLong()).isEqualTo(at.toEpochMilli());
		long ttl = redis.redis.getExpire(home);
		assertThat(ttl).as("seconds to live of %s", home).isBetween(1L, Duration.ofMinutes(5).toSeconds());
		assertThat(redis.redis.hasKey(redis.prefix + "home-commanded:h-1")).as("no command yet").isFalse();
	}

	@Test
	void theNewerReadingWinsAndALateOlderOneIsIgnored() {
		Instant at = Instant.parse("2025-01-02T23:00:00Z");
		states.record(lock("h-2", "back", "locked", at));
		states.record(lock("h-2", "back", "unlocked", at.plusSeconds(60)));
		states.record(lock("h-2", "back", "locked", at.plusSeconds(30))); // arrives late

		assertThat(stateOf("h-2", "back").reading().state()).isEqualTo("unlocked");
		assertThat(stateOf("h-2", "back").reading().at()).isEqualTo(at.plusSeconds(60));
	}

	@Test
	void theSweepSeesOnlyTheSensorAskedForAndItsCommandedMark() {
		Instant at = Instant.parse("2025-01-03T23:00:00Z");
		SensorReading garage = lock("h-3", "garage", "unlocked", at);
		states.record(garage);
		states.record(new SensorReading("h-3", "hall-temp", "temperature", 19.5, null, "hall", at, null));

		assertThat(states.withSensor("lock")).extracting(s -> s.reading().deviceId()).contains("garage")
			.doesNotContain("hall-temp");
		assertThat(stateOf("h-3", "garage").commandedFor(garage)).isFalse();

		states.commanded(garage);
		assertThat(stateOf("h-3", "garage").commandedFor(garage)).isTrue();
		assertThat(redis.redis.getExpire(redis.prefix + "home-commanded:h-3")).isPositive();
		// a newer reading of the same lock is a new reading: not commanded yet
		SensorReading later = lock("h-3", "garage", "unlocked", at.plusSeconds(900));
		states.record(later);
		assertThat(stateOf("h-3", "garage").commandedFor(later)).isFalse();
	}

	@Test
	void aHomeWhoseStateExpiredLeavesTheSetOfHomes() {
		states.record(lock("h-4", "side", "unlocked", Instant.parse("2025-01-04T23:00:00Z")));
		redis.redis.delete(redis.prefix + "home:h-4"); // as its TTL would

		assertThat(states.withSensor("lock")).extracting(s -> s.reading().homeId()).doesNotContain("h-4");
		assertThat(redis.redis.opsForSet().isMember(redis.prefix + "homes", "h-4")).isFalse();
	}

	private static DeviceState stateOf(String homeId, String deviceId) {
		List<DeviceState> found = states.withSensor("lock")
			.stream()
			.filter(s -> s.reading().homeId().equals(homeId) && s.reading().deviceId().equals(deviceId))
			.toList();
		assertThat(found).as("%s/%s", homeId, deviceId).hasSize(1);
		return found.get(0);
	}

	private static SensorReading lock(String homeId, String deviceId, String state, Instant at) {
		return new SensorReading(homeId, deviceId, "lock", null, state, "front", at, null);
	}
}
