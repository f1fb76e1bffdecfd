package dev.daca.bindings.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.ledger.EventLedger.Emitted;
import dev.daca.events.ExternalServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision whose database connection dies under it, on the real PostgreSQL: the server ends the backend of the
 * ledger's own transaction ({@code pg_terminate_backend}) while the decision runs, as a PostgreSQL restart does to
 * every pooled connection. The write then fails with an I/O error and so does the rollback, whose exception replaces
 * the first; the ledger must still see "the store is unreachable" and decide again on a fresh connection, not fail
 * the event towards the dead-letter queue. (Found in the RabbitMQ PostgreSQL-outage fault run: the first two
 * deliveries of an event failed this way and only the third, which met "connection refused", waited.)
 */
@Tag("external")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({ "test", "postgres", "external" })
class LedgerConnectionLossTests {

	@Autowired
	EventLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void servers() {
		ExternalServers.requirePostgres();
	}

	@Test
	void aConnectionKilledInTheMiddleOfADecisionIsWaitedOutAndTheEventDecidedOnce() {
		String eventId = "connection-loss-" + UUID.randomUUID();
		AtomicInteger attempts = new AtomicInteger();
		Emitted emitted = ledger.once("connectionLossTest", eventId, "dev.daca.test", "subject-1", () -> {
			// the transaction's own connection (JdbcTemplate joins the JPA transaction)
			int backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
			if (attempts.incrementAndGet() == 1) {
				terminate(backend);
			}
			return new Emitted(eventId + "/out", "dev.daca.test.out", "subject-1", "{}");
		});
		assertThat(attempts).hasValue(2);
		assertThat(emitted.eventId()).isEqualTo(eventId + "/out");
		assertThat(ledger.recorded("connectionLossTest", eventId)).contains(emitted);
		assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
				eventId)).isEqualTo(1);
	}

	private static void terminate(int backend) {
		try (Connection admin = DriverManager.getConnection(ExternalServers.POSTGRES_URL,
				ExternalServers.POSTGRES_USER, ExternalServers.POSTGRES_PASSWORD);
				PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)")) {
			kill.setInt(1, backend);
			kill.execute();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not terminate backend " + backend, ex);
		}
	}
}
