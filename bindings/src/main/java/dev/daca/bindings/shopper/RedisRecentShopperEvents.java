package dev.daca.bindings.shopper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.hotstate.HotStateJson;
import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.bindings.hotstate.OnRedisHotState;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.recommendation.ShopperEvent;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Each shopper's recent events in a Redis list {@code <prefix>shopper:<userId>:events}, newest first, one event's
 * JSON per element: new events are pushed (an event already in the list is not pushed twice, so a caller re-sending
 * its history adds nothing), the list is trimmed to {@code daca.hot-state.recent-events} (LTRIM) and expires
 * {@code daca.hot-state.recent-events-ttl} after the shopper's last event. One Lua script: atomic on the server. An
 * event without a time is stamped with the time it arrived, so it ages like the others.
 */
@Component
@OnRedisHotState
class RedisRecentShopperEvents implements RecentShopperEvents {

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final RedisScript<List<String>> REMEMBER = (RedisScript) RedisScript.of("""
			local seen = {}
			for _, event in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do seen[event] = true end
			for i = 3, #ARGV do
				if not seen[ARGV[i]] then
					redis.call('LPUSH', KEYS[1], ARGV[i])
					seen[ARGV[i]] = true
				end
			end
			redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[1]) - 1)
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return redis.call('LRANGE', KEYS[1], 0, -1)
			""", List.class);

	private final StringRedisTemplate redis;

	private final HotStateJson json;

	private final HotStateProperties properties;

	private final Clock clock;

	RedisRecentShopperEvents(StringRedisTemplate redis, ObjectMapper mapper, HotStateProperties properties,
			Clock clock) {
		this.redis = redis;
		this.json = new HotStateJson(mapper);
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public ShopperActivity remember(ShopperActivity activity) {
		List<String> args = new ArrayList<>();
		args.add(String.valueOf(properties.recentEvents()));
		args.add(String.valueOf(properties.recentEventsTtl().toMillis()));
		activity.events()
			.stream()
			.map(e -> e.at() != null ? e : new ShopperEvent(e.productId(), e.kind(), clock.instant()))
			.sorted(Comparator.comparing(ShopperEvent::at)) // pushed oldest first: the newest ends at the head
			.map(json::write)
			.forEach(args::add);
		List<String> recent = redis.execute(REMEMBER, List.of(properties.key("shopper", activity.userId(), "events")),
				args.toArray());
		List<ShopperEvent> events = recent.stream().map(e -> json.read(e, ShopperEvent.class)).toList();
		return new ShopperActivity(activity.userId(), events, activity.limit(), activity.catalog());
	}
}
