package dev.daca.bindings.reviewcounts;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.hotstate.HotStateJson;
import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.bindings.hotstate.OnRedisHotState;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The count query's result shared by every replica: {@code <prefix>review-counts}, the {@link ReviewCounts} JSON, set
 * with {@code PX daca.hot-state.review-counts-ttl}. A replica that finds it reads it; the first to find it gone runs
 * the query and sets it (replicas missing it at the same instant each query once; the last write wins, all of them
 * fresh). Whatever polls — the inbox, the API, every replica's gauges — the database sees about one count per TTL.
 */
@Component
@OnRedisHotState
class RedisReviewQueueCounts implements ReviewQueueCounts {

	private final ReviewCountQuery query;

	private final StringRedisTemplate redis;

	private final HotStateJson json;

	private final HotStateProperties properties;

	RedisReviewQueueCounts(ReviewCountQuery query, StringRedisTemplate redis, ObjectMapper mapper,
			HotStateProperties properties) {
		this.query = query;
		this.redis = redis;
		this.json = new HotStateJson(mapper);
		this.properties = properties;
	}

	@Override
	public ReviewCounts current() {
		String key = properties.key("review-counts");
		String cached = redis.opsForValue().get(key);
		if (cached != null) {
			return json.read(cached, ReviewCounts.class);
		}
		ReviewCounts counts = query.count();
		redis.opsForValue().set(key, json.write(counts), properties.reviewCountsTtl());
		return counts;
	}
}
