package dev.daca.bindings.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas: two Spring contexts with the real scheduler, ShedLock's JDBC provider and the V5 tables, on one
 * shared database ({@link #database()}: an H2 file, or the real PostgreSQL as two pods share one). Both fire every
 * cron slot; exactly one runs it, the other records a skip; a run still going is never started a second time, by
 * either replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SingleFireLockContract {

	static final AtomicInteger running = new AtomicInteger();

	static final AtomicInteger mostAtOnce = new AtomicInteger();

	ConfigurableApplicationContext first;

	ConfigurableApplicationContext second;

	JdbcTemplate db;

	/** The datasource properties both replicas share. */
	abstract List<String> database() throws Exception;

	/** After both replicas stopped. */
	void dropDatabase() throws Exception {
	}

	@BeforeAll
	void twoReplicas() throws Exception {
		running.set(0);
		mostAtOnce.set(0);
		List<String> shared = new java.util.ArrayList<>(database());
		shared.addAll(List.of("spring.config.name=lock-replica", // not the app's application.yml: only these jobs
				"daca.schedule.catch-up=false",
				// a fast job every 2 s, kept locked 1 s (the margin for replicas' clock skew)
				"daca.schedule.jobs.tick.cron=*/2 * * * * *", "daca.schedule.jobs.tick.lock-at-least-for=PT1S",
				// a job that takes 2.5 s, fired every second: overlaps unless the lock holds
				"daca.schedule.jobs.slow.cron=* * * * * *", "daca.schedule.jobs.slow.lock-at-least-for=PT0S",
				"spring.task.scheduling.pool.size=4"));
		String[] properties = shared.toArray(String[]::new);
		first = new SpringApplicationBuilder(Replica.class).web(WebApplicationType.NONE).properties(properties).run();
		second = new SpringApplicationBuilder(Replica.class).web(WebApplicationType.NONE).properties(properties).run();
		db = first.getBean(JdbcTemplate.class);
	}

	@AfterAll
	void stop() throws Exception {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		dropDatabase();
	}

	@Test
	void eachCronSlotRunsOnceAcrossBothReplicasAndOverlappingRunsAreSkipped() {
		await().atMost(Duration.ofSeconds(30)).until(() -> succeeded("tick").size() >= 4 && succeeded("slow").size() >= 3);

		Map<Long, List<Map<String, Object>>> ticksBySlot = db
			.queryForList("select outcome, instance, started_at from scheduled_run where job = 'tick'")
			.stream()
			.filter(r -> !"running".equals(r.get("outcome")))
			.collect(Collectors.groupingBy(r -> slot(r.get("started_at")), TreeMap::new, Collectors.toList()));
		List<List<Map<String, Object>>> fullSlots = ticksBySlot.values()
			.stream()
			.filter(rows -> rows.size() == 2)
			.toList();
		assertThat(fullSlots).as("slots both replicas fired").hasSizeGreaterThanOrEqualTo(3);
		assertThat(fullSlots).allSatisfy(rows -> {
			assertThat(rows.stream().map(r -> r.get("outcome")).toList()).containsExactlyInAnyOrder("succeeded",
					"skipped");
			assertThat(rows.stream().map(r -> r.get("instance")).toList()).doesNotHaveDuplicates();
		});
		assertThat(ticksBySlot.values()).allSatisfy(rows -> assertThat(rows.stream()
			.filter(r -> "succeeded".equals(r.get("outcome")))
			.count()).isLessThanOrEqualTo(1));
		assertThat(db.queryForObject("select count(distinct instance) from scheduled_run where job = 'tick' "
				+ "and outcome = 'succeeded'", Long.class)).as("either replica may win a slot").isGreaterThanOrEqualTo(1);

		assertThat(mostAtOnce.get()).as("slow runs at once, across both replicas").isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from scheduled_run where job = 'slow' and outcome = 'skipped'",
				Long.class)).isGreaterThanOrEqualTo(2);
	}

	List<Map<String, Object>> succeeded(String job) {
		return db.queryForList("select run_id from scheduled_run where job = ? and outcome = 'succeeded'", job);
	}

	/** The 2-second cron slot a run started in. */
	static long slot(Object startedAt) {
		Instant at = startedAt instanceof java.time.OffsetDateTime odt ? odt.toInstant()
				: ((java.sql.Timestamp) startedAt).toInstant();
		return at.getEpochSecond() / 2;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			FlywayAutoConfiguration.class, JacksonAutoConfiguration.class, TaskSchedulingAutoConfiguration.class })
	@Import({ ScheduleConfiguration.class, JobRunner.class, ScheduledRuns.class, CronJobs.class })
	static class Replica {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		ScheduledJob tick() {
			return job("tick", Duration.ofMillis(100));
		}

		@Bean
		ScheduledJob slow() {
			return job("slow", Duration.ofMillis(2500));
		}

		static ScheduledJob job(String name, Duration takes) {
			return new ScheduledJob() {
				@Override
				public String name() {
					return name;
				}

				@Override
				public JobReport run() throws InterruptedException {
					if (name.equals("slow")) {
						mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
					}
					try {
						Thread.sleep(takes);
					}
					finally {
						if (name.equals("slow")) {
							running.decrementAndGet();
						}
					}
					return JobReport.of(Map.of("slept", takes.toMillis()));
				}
			};
		}
	}
}
