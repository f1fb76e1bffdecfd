package dev.daca.bindings.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/scheduledruns}: each scheduled job with its schedule and its last runs (any trigger, any replica:
 * the runs are in the shared database); {@code /actuator/scheduledruns/{job}} for one job's last 50.
 */
@Component
@Endpoint(id = "scheduledruns")
class ScheduledRunsEndpoint {

	private final JobRunner runner;

	private final ScheduledRuns runs;

	private final ScheduleProperties properties;

	ScheduledRunsEndpoint(JobRunner runner, ScheduledRuns runs, ScheduleProperties properties) {
		this.runner = runner;
		this.runs = runs;
		this.properties = properties;
	}

	@ReadOperation
	Map<String, Object> jobs() {
		Map<String, Object> jobs = new LinkedHashMap<>();
		for (String job : runner.jobNames()) {
			ScheduleProperties.JobSchedule schedule = properties.jobs().get(job);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("cron", schedule == null ? null : schedule.cron());
			entry.put("zone", schedule == null ? null : schedule.zone().getId());
			entry.put("inProcess", properties.enabled() && schedule != null && schedule.hasCron());
			entry.put("lastSucceeded", runs.lastSucceeded(job).orElse(null));
			entry.put("recent", runs.recent(job, 5));
			jobs.put(job, entry);
		}
		return Map.of("jobs", jobs);
	}

	@ReadOperation
	Object job(@Selector String job) {
		if (!runner.knows(job)) {
			return null; // 404
		}
		return Map.of("job", job, "runs", runs.recent(job, 50));
	}
}
