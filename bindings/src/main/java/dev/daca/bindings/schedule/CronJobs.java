package dev.daca.bindings.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The in-process trigger: each job with a {@code cron} is registered with Spring's scheduler (every replica fires, the
 * lock lets one run). Misfire policy, once the app is ready: a job whose last successful run is older than its period
 * (the gap between two of its cron fires) missed a run while the app was down, and is run once now ("catch-up"). A
 * job that never succeeded waits for its first fire. Off when {@code daca.schedule.enabled=false} (one-shot runs).
 */
@Component
class CronJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CronJobs.class);

	private final JobRunner runner;

	private final ScheduledRuns runs;

	private final ScheduleProperties properties;

	private final Clock clock;

	CronJobs(JobRunner runner, ScheduledRuns runs, ScheduleProperties properties, Clock clock) {
		this.runner = runner;
		this.runs = runs;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!properties.enabled()) {
			return;
		}
		properties.jobs().forEach((name, schedule) -> {
			if (!schedule.hasCron()) {
				return;
			}
			if (!runner.knows(name)) {
				throw new IllegalStateException("daca.schedule.jobs." + name + " names no job; jobs: "
						+ runner.jobNames());
			}
			registrar.addCronTask(new org.springframework.scheduling.config.CronTask(
					() -> runner.run(name, RunTrigger.CRON), new CronTrigger(schedule.cron(), schedule.zone())));
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (!properties.enabled() || !properties.catchUp()) {
			return;
		}
		Instant now = clock.instant();
		properties.jobs().forEach((name, schedule) -> {
			if (!schedule.hasCron()) {
				return;
			}
			Duration period = period(schedule.cron(), ZonedDateTime.ofInstant(now, schedule.zone()));
			runs.lastSucceeded(name).filter(last -> last.isBefore(now.minus(period))).ifPresent(last -> {
				log.info("scheduled job {}: last success {} is older than its period {}: catching up", name, last,
						period);
				Thread.ofVirtual().name("catch-up-" + name).start(() -> runner.run(name, RunTrigger.CATCH_UP));
			});
		});
	}

	/** The gap between the next two fires of a cron expression. */
	static Duration period(String cron, ZonedDateTime from) {
		CronExpression expression = CronExpression.parse(cron);
		ZonedDateTime next = expression.next(from);
		return Duration.between(next, expression.next(next));
	}
}
