package dev.daca.bindings.shopper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.events.TestRedis;
import dev.daca.functions.recommendation.EventKind;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.recommendation.ShopperEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisRecentShopperEvents} on the real Redis of {@code scripts/infra.sh up redis}, read back with a plain
 * client: one capped list per shopper (LTRIM), newest first, with a TTL, re-sent events not pushed twice.
 */
@Tag("external")
class RedisRecentShopperEventsTests {

	static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	static TestRedis redis;

	static RecentShopperEvents recent;

	@BeforeAll
	static void connect() {
		redis = new TestRedis();
		ObjectMapper json = JsonMapper.builder()
			.findAndAddModules()
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.build();
		recent = new RedisRecentShopperEvents(redis.redis, json,
				new HotStateProperties("redis", redis.prefix, Duration.ofMinutes(5), 3, Duration.ofMinutes(10),
						Duration.ofHours(1), Duration.ofSeconds(10)),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterAll
	static void cleanUp() {
		redis.close();
	}

	@Test
	void theListKeepsTheNewestEventsUpToTheCapAndExpires() {
		recent.remember(activity("u-cap", viewed("C01", 1), viewed("C02", 2)));
		ShopperActivity decided = recent.remember(activity("u-cap", viewed("C03", 3), carted("C04", 4)));

		String key = redis.prefix + "shopper:u-cap:events";
		assertThat(redis.redis.opsForList().size(key)).as("capped by LTRIM").isEqualTo(3);
		assertThat(decided.events()).extracting(ShopperEvent::productId).containsExactly("C04", "C03", "C02");
		assertThat(redis.redis.opsForList().index(key, 0)).contains("\"C04\"").contains("carted");
		assertThat(redis.redis.getExpire(key)).isBetween(Duration.ofMinutes(9).toSeconds(),
				Duration.ofMinutes(10).toSeconds());
	}

	@Test
	void aShopperWhoReSendsItsHistoryGetsNoDuplicatesAndTheEventsOfBoth() {
		recent.remember(activity("u-dup", viewed("C05", 1)));
		ShopperActivity decided = recent.remember(activity("u-dup", viewed("C05", 1), carted("C06", 2)));

		assertThat(decided.events()).extracting(ShopperEvent::productId).containsExactly("C06", "C05");
		assertThat(decided.limit()).isEqualTo(4);
	}

	@Test
	void anEventWithoutATimeIsStampedWithItsArrival() {
		ShopperActivity decided = recent.remember(activity("u-now", new ShopperEvent("C07", EventKind.VIEWED, null)));

		assertThat(decided.events()).containsExactly(new ShopperEvent("C07", EventKind.VIEWED, NOW));
	}

	private static ShopperActivity activity(String userId, ShopperEvent... events) {
		return new ShopperActivity(userId, List.of(events), 4, null);
	}

	private static ShopperEvent viewed(String productId, int minute) {
		return new ShopperEvent(productId, EventKind.VIEWED, NOW.minus(Duration.ofMinutes(10 - minute)));
	}

	private static ShopperEvent carted(String productId, int minute) {
		return new ShopperEvent(productId, EventKind.CARTED, NOW.minus(Duration.ofMinutes(10 - minute)));
	}
}
