package dev.daca.bindings.shopper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.events.TestRedis;
import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.recommendation.RecommendedItem;
import dev.daca.functions.recommendation.Recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both sides of {@link LatestRecommendations}: this instance's memory (default) against a clock the test moves, and
 * Redis ({@code scripts/infra.sh up redis}, tagged external) read back with a plain client: one key per shopper, the
 * JSON, the TTL, gone when it expires.
 */
class LatestRecommendationsTests {

	static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	static TestRedis redis;

	@AfterAll
	static void cleanUp() {
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void inMemoryTheLatestReplacesTheOlderAndExpiresAfterTheTtl() {
		MovingClock clock = new MovingClock();
		LatestRecommendations latest = new InMemoryLatestRecommendations(properties("daca:", Duration.ofHours(1)),
				clock);
		latest.keep(recommendations("u-1", "C01"));
		latest.keep(recommendations("u-1", "C02"));
		assertThat(latest.of("u-1")).contains(recommendations("u-1", "C02"));
		assertThat(latest.of("u-2")).isEmpty();

		clock.now = NOW.plus(Duration.ofMinutes(59));
		assertThat(latest.of("u-1")).isPresent();
		clock.now = NOW.plus(Duration.ofHours(1));
		assertThat(latest.of("u-1")).as("expired after recommendations-ttl").isEmpty();
	}

	@Test
	void inMemoryAtMostMaxShoppersTheLeastRecentlyKeptGoFirst() {
		LatestRecommendations latest = new InMemoryLatestRecommendations(properties("daca:", Duration.ofHours(1)),
				new MovingClock());
		for (int i = 0; i <= InMemoryLatestRecommendations.MAX_SHOPPERS; i++) {
			latest.keep(recommendations("u-" + i, "C01"));
		}
		assertThat(latest.of("u-0")).isEmpty();
		assertThat(latest.of("u-1")).isPresent();
		assertThat(latest.of("u-" + InMemoryLatestRecommendations.MAX_SHOPPERS)).isPresent();
	}

	@Test
	@Tag("external")
	void inRedisOneKeyPerShopperWithItsTtlGoneWhenItExpires() {
		redis = new TestRedis();
		ObjectMapper json = JsonMapper.builder()
			.findAndAddModules()
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.build();
		LatestRecommendations hour = new RedisLatestRecommendations(redis.redis, json,
				properties(redis.prefix, Duration.ofHours(1)));
		hour.keep(recommendations("u-1", "C01"));
		hour.keep(recommendations("u-1", "C02"));

		String key = redis.prefix + "shopper:u-1:recommendations";
		assertThat(redis.keys()).containsExactly(key);
		assertThat(redis.redis.opsForValue().get(key)).contains("\"userId\":\"u-1\"").contains("\"C02\"");
		assertThat(redis.redis.getExpire(key)).isBetween(Duration.ofMinutes(59).toSeconds(),
				Duration.ofHours(1).toSeconds());
		assertThat(hour.of("u-1")).contains(recommendations("u-1", "C02"));
		assertThat(hour.of("u-2")).isEmpty();

		LatestRecommendations brief = new RedisLatestRecommendations(redis.redis, json,
				properties(redis.prefix, Duration.ofMillis(300)));
		brief.keep(recommendations("u-3", "C03"));
		assertThat(brief.of("u-3")).isPresent();
		await().atMost(Duration.ofSeconds(5)).until(() -> brief.of("u-3").isEmpty());
		assertThat(redis.redis.hasKey(redis.prefix + "shopper:u-3:recommendations")).isFalse();
	}

	private static HotStateProperties properties(String prefix, Duration recommendationsTtl) {
		return new HotStateProperties("redis", prefix, Duration.ofDays(7), 50, Duration.ofDays(7), recommendationsTtl,
				Duration.ofSeconds(10));
	}

	private static Recommendations recommendations(String userId, String productId) {
		return new Recommendations(userId, List.of(new RecommendedItem(productId, "name", 0.5, List.of("because"))),
				false, 0.7, DecidedBy.rules("co-purchase"));
	}

	static final class MovingClock extends Clock {

		Instant now = NOW;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
