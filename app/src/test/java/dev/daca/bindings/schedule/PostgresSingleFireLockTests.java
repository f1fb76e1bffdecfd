package dev.daca.bindings.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Tag;

import dev.daca.events.ExternalServers;

/**
 * The single-fire lock on the real PostgreSQL of {@code scripts/infra.sh up postgres}: ShedLock's row lock and
 * {@code usingDbTime()} with PostgreSQL's clock and isolation, two replicas, the V5 migration run by Flyway in a
 * schema of this test run (dropped afterwards), so runs neither see nor disturb each other or an app's data.
 */
@Tag("external")
class PostgresSingleFireLockTests extends SingleFireLockContract {

	final String schema = "daca_lock_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	@Override
	List<String> database() {
		ExternalServers.requirePostgres();
		return List.of("spring.datasource.url=" + ExternalServers.POSTGRES_URL,
				"spring.datasource.username=" + ExternalServers.POSTGRES_USER,
				"spring.datasource.password=" + ExternalServers.POSTGRES_PASSWORD,
				"spring.datasource.hikari.schema=" + schema, "spring.flyway.schemas=" + schema,
				"spring.flyway.default-schema=" + schema);
	}

	@Override
	void dropDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(ExternalServers.POSTGRES_URL,
				ExternalServers.POSTGRES_USER, ExternalServers.POSTGRES_PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
		}
	}
}
