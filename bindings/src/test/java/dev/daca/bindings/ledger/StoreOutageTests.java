package dev.daca.bindings.ledger;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisCommandTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer waits out an unreachable store, and only that: other errors fail at once, as before. */
class StoreOutageTests {

	private final StoreOutage outage = new StoreOutage(
			new StoreOutage.Settings(Duration.ofMillis(400), Duration.ofMillis(10), Duration.ofMillis(40)));

	/** what Hikari + JpaTransactionManager throw while PostgreSQL is down */
	private static RuntimeException noConnection() {
		return new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
				new SQLTransientConnectionException("daca - Connection is not available, request timed out after 5000ms"));
	}

	@Test
	void retriesWhileTheStoreIsUnreachableThenReturnsTheResult() {
		AtomicInteger calls = new AtomicInteger();
		String result = outage.rideOut("test", () -> {
			if (calls.incrementAndGet() < 3) {
				throw noConnection();
			}
			return "decided";
		});
		assertThat(result).isEqualTo("decided");
		assertThat(calls).hasValue(3);
	}

	@Test
	void aServerShutdownMidTransactionCountsAsUnreachable() {
		// PostgreSQL's admin_shutdown (57P01) and a broken connection (08006), wrapped as a commit failure
		assertThat(StoreOutage.unreachable(new JpaSystemException(new RuntimeException(
				new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
		assertThat(StoreOutage.unreachable(new JpaSystemException(new RuntimeException(
				new SQLException("An I/O error occurred while sending to the backend", "08006"))))).isTrue();
		assertThat(StoreOutage.unreachable(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
	}

	@Test
	void aRollbackThatFailsCountsAsUnreachable() {
		// what the ledger threw when PostgreSQL ended its connection mid-decision (LedgerConnectionLossTests): the
		// statement's I/O error is replaced by the rollback's
		assertThat(StoreOutage.unreachable(new JpaSystemException(new org.hibernate.TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
		assertThat(StoreOutage.unreachable(new org.springframework.transaction.TransactionSystemException(
				"Could not roll back JPA transaction"))).isTrue();
		org.springframework.transaction.TransactionSystemException commit = new org.springframework.transaction.TransactionSystemException(
				"Could not commit JPA transaction");
		commit.initApplicationException(noConnection());
		assertThat(StoreOutage.unreachable(commit)).isTrue();
		assertThat(StoreOutage.unreachable(new org.springframework.transaction.TransactionSystemException(
				"Could not commit JPA transaction", new RuntimeException("constraint")))).isFalse();
	}

	@Test
	void aRedisCommandTimeoutCountsAsUnreachable() {
		// what RedisTemplate throws while Redis is down (Lettuce holds the command for its reconnect, seen in the
		// fault test's redis-outage run), as opposed to an error Redis answered with
		assertThat(StoreOutage.unreachable(new QueryTimeoutException("Redis command timed out",
				new RedisCommandTimeoutException("Command timed out after 2 second(s)")))).isTrue();
		assertThat(StoreOutage.unreachable(new RedisSystemException("Error in execution",
				new RuntimeException("ERR Error running script")))).isFalse();
	}

	@Test
	void anyOtherErrorFailsAtOnce() {
		AtomicInteger calls = new AtomicInteger();
		assertThatThrownBy(() -> outage.rideOut("test", () -> {
			calls.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate key");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(calls).hasValue(1);
	}

	@Test
	void givesUpAfterMaxWaitWithTheStoreError() {
		AtomicInteger calls = new AtomicInteger();
		assertThatThrownBy(() -> outage.rideOut("test", () -> {
			calls.incrementAndGet();
			throw noConnection();
		})).isInstanceOf(CannotCreateTransactionException.class);
		assertThat(calls.get()).isGreaterThan(2);
	}
}
