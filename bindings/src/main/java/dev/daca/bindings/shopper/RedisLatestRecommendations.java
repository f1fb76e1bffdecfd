package dev.daca.bindings.shopper;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.hotstate.HotStateJson;
import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.bindings.hotstate.OnRedisHotState;
import dev.daca.functions.recommendation.Recommendations;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The latest recommendations per shopper in Redis: {@code <prefix>shopper:<userId>:recommendations}, a string holding
 * the {@link Recommendations} JSON, set with {@code PX daca.hot-state.recommendations-ttl} (SET replaces the value and
 * its TTL in one command), so every replica serves the same list and Redis drops it when it is stale.
 */
@Component
@OnRedisHotState
class RedisLatestRecommendations implements LatestRecommendations {

	private final StringRedisTemplate redis;

	private final HotStateJson json;

	private final HotStateProperties properties;

	RedisLatestRecommendations(StringRedisTemplate redis, ObjectMapper mapper, HotStateProperties properties) {
		this.redis = redis;
		this.json = new HotStateJson(mapper);
		this.properties = properties;
	}

	@Override
	public Recommendations keep(Recommendations recommendations) {
		redis.opsForValue()
			.set(key(recommendations.userId()), json.write(recommendations), properties.recommendationsTtl());
		return recommendations;
	}

	@Override
	public Optional<Recommendations> of(String userId) {
		return Optional.ofNullable(redis.opsForValue().get(key(userId)))
			.map(value -> json.read(value, Recommendations.class));
	}

	private String key(String userId) {
		return properties.key("shopper", userId, "recommendations");
	}
}
