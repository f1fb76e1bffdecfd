package dev.daca.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A plain client on the real Redis of {@code scripts/infra.sh up redis}, to read back what the app stored, and a key
 * prefix of its own per test run ({@code daca-it-<uuid>:}) so runs never see each other's keys; {@link #close()}
 * deletes the run's keys. Fails fast with what to run when Redis is not there.
 */
public final class TestRedis implements AutoCloseable {

	public final String prefix = "daca-it-" + UUID.randomUUID() + ":";

	public final StringRedisTemplate redis;

	private final LettuceConnectionFactory connections;

	public TestRedis() {
		ExternalServers.requireRedis();
		connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(ExternalServers.REDIS_HOST, ExternalServers.REDIS_PORT));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	/** The run's keys (SCAN, never KEYS: the Redis may be shared). */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(500).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	@Override
	public void close() {
		List<String> keys = keys();
		if (!keys.isEmpty()) {
			redis.delete(keys);
		}
		connections.destroy();
	}
}
