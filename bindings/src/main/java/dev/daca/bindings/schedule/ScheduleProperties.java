package dev.daca.bindings.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code daca.schedule}: whether cron runs happen in this process ({@code enabled}; off in a one-shot run), whether a
 * run missed while the app was down is caught up at startup ({@code catch-up}), how long a lock may be held at most,
 * and each job's cron expression and time zone. {@code lock-at-least-for} keeps the lock a little after a fast run so a
 * replica whose clock is a moment late does not fire the same slot again.
 */
@ConfigurationProperties("daca.schedule")
record ScheduleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean catchUp,
		@DefaultValue("PT15M") Duration lockAtMostFor, Map<String, JobSchedule> jobs) {

	ScheduleProperties {
		jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
	}

	record JobSchedule(String cron, @DefaultValue("UTC") ZoneId zone, @DefaultValue("PT10S") Duration lockAtLeastFor,
			@DefaultValue("false") boolean needsBroker) {

		/** Whether this job fires in-process: a cron expression that is neither empty nor "-". */
		boolean hasCron() {
			return cron != null && !cron.isBlank() && !"-".equals(cron);
		}
	}
}
