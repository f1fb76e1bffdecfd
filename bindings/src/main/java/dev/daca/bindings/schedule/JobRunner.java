package dev.daca.bindings.schedule;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Runs a job by name, whatever the trigger: under the job's ShedLock lock (a run still going is not started again,
 * here or on another replica: that attempt is recorded as skipped), recorded in {@code scheduled_run} with its
 * outcome and counts. A failing job is recorded as failed, never rethrown to the scheduler.
 */
@Service
public class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final Map<String, ScheduledJob> jobs = new TreeMap<>();

	private final LockingTaskExecutor locks;

	private final ScheduledRuns runs;

	private final ScheduleProperties properties;

	private final Clock clock;

	private final String instance;

	JobRunner(List<ScheduledJob> jobs, LockingTaskExecutor locks, ScheduledRuns runs, ScheduleProperties properties,
			Clock clock) {
		for (ScheduledJob job : jobs) {
			if (this.jobs.put(job.name(), job) != null) {
				throw new IllegalStateException("two scheduled jobs are named " + job.name());
			}
		}
		this.locks = locks;
		this.runs = runs;
		this.properties = properties;
		this.clock = clock;
		this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	public java.util.Set<String> jobNames() {
		return jobs.keySet();
	}

	public boolean knows(String job) {
		return jobs.containsKey(job);
	}

	/** Run the job now, if no other run of it holds the lock. */
	public ScheduledRun run(String name, RunTrigger trigger) {
		ScheduledJob job = Optional.ofNullable(jobs.get(name)).orElseThrow(() -> new UnknownJob(name, jobNames()));
		Instant now = clock.instant();
		LockConfiguration lock = new LockConfiguration(now, name, properties.lockAtMostFor(), lockAtLeastFor(name,
				trigger));
		try {
			TaskResult<ScheduledRun> result = locks.executeWithLock(() -> execute(job, trigger), lock);
			if (result.wasExecuted()) {
				return result.getResult();
			}
			runs.skipped(name, trigger, instance, now);
			log.info("scheduled job {} ({}) skipped: another run holds its lock", name, trigger.json());
			return new ScheduledRun(0, name, trigger.json(), instance, now, now, ScheduledRun.SKIPPED, Map.of(),
					"another run of " + name + " holds its lock");
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ScheduledRun execute(ScheduledJob job, RunTrigger trigger) {
		Instant started = clock.instant();
		long runId = runs.started(job.name(), trigger, instance, started);
		String outcome;
		JobReport report;
		try {
			report = job.run();
			outcome = ScheduledRun.SUCCEEDED;
		}
		catch (Exception ex) {
			log.warn("scheduled job {} ({}) failed", job.name(), trigger.json(), ex);
			report = new JobReport(Map.of(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
			outcome = ScheduledRun.FAILED;
		}
		Instant finished = clock.instant();
		runs.finished(runId, finished, outcome, report.counts(), report.note());
		log.info("scheduled job {} ({}) {} in {} ms: {}", job.name(), trigger.json(), outcome,
				Duration.between(started, finished).toMillis(), report.counts());
		return new ScheduledRun(runId, job.name(), trigger.json(), instance, started, finished, outcome,
				report.counts(), report.note());
	}

	/** Scheduled fires keep the lock a little (replica clock skew); an explicit request needs no such margin. */
	private Duration lockAtLeastFor(String name, RunTrigger trigger) {
		ScheduleProperties.JobSchedule schedule = properties.jobs().get(name);
		return (trigger == RunTrigger.CRON || trigger == RunTrigger.CATCH_UP) && schedule != null
				? schedule.lockAtLeastFor() : Duration.ZERO;
	}

	/** No job of that name; says which there are. */
	public static class UnknownJob extends RuntimeException {

		UnknownJob(String name, java.util.Set<String> known) {
			super("no scheduled job '" + name + "'; jobs: " + known);
		}
	}
}
