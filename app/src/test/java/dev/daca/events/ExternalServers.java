package dev.daca.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.fail;

/**
 * Where the real servers of {@code scripts/infra.sh} listen (the variables {@code scripts/infra.sh env} prints, else
 * its defaults), and a fast check that they do, so a test against an absent server fails in a second with what to
 * run instead of hanging in a connection pool.
 */
public final class ExternalServers {

	static final String KAFKA_BROKERS = env("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS",
			env("DACA_KAFKA_BROKERS", "127.0.0.1:19092"));

	static final String RABBIT_HOST = env("SPRING_RABBITMQ_HOST", "127.0.0.1");

	static final int RABBIT_PORT = Integer.parseInt(env("SPRING_RABBITMQ_PORT", "15673"));

	static final String RABBIT_USER = env("SPRING_RABBITMQ_USERNAME", "daca");

	static final String RABBIT_PASSWORD = env("SPRING_RABBITMQ_PASSWORD", "daca");

	static final String RABBIT_VHOST = env("SPRING_RABBITMQ_VIRTUAL_HOST", "/");

	public static final int POSTGRES_PORT = Integer.parseInt(env("DACA_PG_PORT", "15432"));

	public static final String POSTGRES_URL = env("SPRING_DATASOURCE_URL",
			"jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/daca");

	public static final String POSTGRES_USER = env("SPRING_DATASOURCE_USERNAME", "daca");

	public static final String POSTGRES_PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "daca");

	public static final String REDIS_HOST = env("SPRING_DATA_REDIS_HOST", "127.0.0.1");

	public static final int REDIS_PORT = Integer
		.parseInt(env("SPRING_DATA_REDIS_PORT", env("DACA_REDIS_PORT", "16379")));

	private ExternalServers() {
	}

	static void requireKafka() {
		String first = KAFKA_BROKERS.split(",")[0].trim();
		int colon = first.lastIndexOf(':');
		require("Kafka", first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)), "kafka");
	}

	static void requireRabbit() {
		require("RabbitMQ", RABBIT_HOST, RABBIT_PORT, "rabbitmq");
	}

	public static void requirePostgres() {
		require("PostgreSQL", "127.0.0.1", POSTGRES_PORT, "postgres");
	}

	public static void requireRedis() {
		require("Redis", REDIS_HOST, REDIS_PORT, "redis");
	}

	private static void require(String what, String host, int port, String service) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2_000);
		}
		catch (IOException ex) {
			fail(what + " is not reachable at " + host + ":" + port + " (" + ex.getMessage()
					+ "). These tests run against the real server: start it with `scripts/infra.sh up " + service
					+ "` (and `eval \"$(scripts/infra.sh env)\"` for other ports), or leave out -Pexternal.");
		}
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}
}
