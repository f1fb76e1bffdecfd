package dev.daca.bindings.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one-shot mode: runs the job named by {@code daca.run-once}, closes the app and exits the JVM with a status a
 * job scheduler reads: 0 succeeded, 1 failed, 2 no such job, 3 not run because another run of it holds its lock.
 * Runs before the other startup runners.
 */
@Component
@ConditionalOnProperty(RunOnceEnvironment.PROPERTY)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RunOnce implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RunOnce.class);

	static final int SUCCEEDED = 0;

	static final int FAILED = 1;

	static final int UNKNOWN_JOB = 2;

	static final int LOCKED = 3;

	private final JobRunner runner;

	private final ConfigurableApplicationContext context;

	private final String job;

	RunOnce(JobRunner runner, ConfigurableApplicationContext context,
			org.springframework.core.env.Environment env) {
		this.runner = runner;
		this.context = context;
		this.job = env.getRequiredProperty(RunOnceEnvironment.PROPERTY);
	}

	@Override
	public void run(ApplicationArguments args) {
		int status = exitStatus();
		log.info("one-shot run of {} exits with {}", job, status);
		System.exit(SpringApplication.exit(context, () -> status));
	}

	int exitStatus() {
		if (!runner.knows(job)) {
			log.error("no scheduled job '{}'; jobs: {}", job, runner.jobNames());
			return UNKNOWN_JOB;
		}
		return switch (runner.run(job, RunTrigger.ONCE).outcome()) {
			case ScheduledRun.SUCCEEDED -> SUCCEEDED;
			case ScheduledRun.SKIPPED -> LOCKED;
			default -> FAILED;
		};
	}
}
