package dev.daca.bindings.ledger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.lettuce.core.RedisCommandTimeoutException;
import org.hibernate.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Rides out a brief outage of the state store: a consumer whose ledger cannot reach the database waits for it (with
 * backoff, up to {@code daca.events.store-outage.max-wait}) instead of failing the event. Without this, the binder's
 * few quick retries end while PostgreSQL restarts and a perfectly good event goes to the dead-letter queue. Only
 * "cannot reach the store" counts (no connection, connection lost, server shutting down); any other error fails at
 * once as before. While it waits the consumer takes no new events, which is the back-pressure we want.
 * <p>
 * The store includes Redis (profile {@code redis}) where a decision writes hot state inside the ledger step: while
 * Redis is down Lettuce holds commands for its reconnect and they fail with a command timeout
 * ({@code spring.data.redis.timeout}), not a connection failure, so that timeout counts as unreachable too.
 * <p>
 * A connection the server dropped (a PostgreSQL restart ends every pooled connection) fails the statement with an
 * I/O error and then the rollback, whose exception replaces the statement's ("Application exception overridden by
 * rollback exception"): a rollback that fails is a lost connection too, since a rollback has nothing else to fail on.
 * <p>
 * On Kafka keep {@code max-wait} × the binding's max-attempts under {@code max.poll.interval.ms} (300 s by default).
 */
@Component
@EnableConfigurationProperties(StoreOutage.Settings.class)
class StoreOutage {

	@ConfigurationProperties("daca.events.store-outage")
	record Settings(@DefaultValue("60s") Duration maxWait, @DefaultValue("250ms") Duration firstBackoff,
			@DefaultValue("5s") Duration maxBackoff) {
	}

	private static final Logger log = LoggerFactory.getLogger(StoreOutage.class);

	private final Settings settings;

	StoreOutage(Settings settings) {
		this.settings = settings;
	}

	/** Runs {@code work}, again and again while the store is unreachable, until it succeeds or max-wait is up. */
	<T> T rideOut(String what, Supplier<T> work) {
		long deadline = System.nanoTime() + settings.maxWait().toNanos();
		long backoff = settings.firstBackoff().toMillis();
		for (int attempt = 1;; attempt++) {
			try {
				T result = work.get();
				if (attempt > 1) {
					log.info("{}: the store is reachable again after {} attempts", what, attempt);
				}
				return result;
			}
			catch (RuntimeException ex) {
				if (!unreachable(ex) || System.nanoTime() + backoff * 1_000_000 > deadline) {
					throw ex;
				}
				if (attempt == 1) {
					log.warn("{}: the store is unreachable ({}); waiting up to {} for it", what, ex.getMessage(),
							settings.maxWait());
				}
				sleep(backoff);
				backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
			}
		}
	}

	/** The store could not be reached, as opposed to a statement that failed. */
	static boolean unreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (rollbackFailed(t)) {
				return true;
			}
			if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
					&& failed.getApplicationException() != ex && unreachable(failed.getApplicationException())) {
				return true;
			}
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
					|| t instanceof RedisCommandTimeoutException) {
				return true;
			}
			// SQLSTATE class 08: connection exception; 57P01..03: the server is shutting down or starting
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	/** Hibernate's "Unable to rollback against JDBC Connection", Spring's "Could not roll back ... transaction". */
	private static boolean rollbackFailed(Throwable t) {
		String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
		return (t instanceof TransactionException || t instanceof TransactionSystemException)
				&& (message.contains("unable to rollback") || message.contains("could not roll back"));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the store", ex);
		}
	}
}
