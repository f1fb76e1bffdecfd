package dev.daca.bindings.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --daca.run-once=<job>}: the app run as its own process (this test's classpath, the app's main class, the
 * embedded default's H2 file under a fresh data directory), as a Kubernetes CronJob or ACA Job runs it; the exit
 * status is what the platform sees. Like a deployed job: embedded-default false and no users, which a run without a
 * web server does not need. The same run from the packaged, layer-extracted jar is in
 * {@code ContainerCommandIT} (verify phase).
 */
class OneShotRunTests {

	static Path data;

	@BeforeAll
	static void dataDir() throws IOException {
		data = Files.createTempDirectory("daca-once");
	}

	@Test
	void aJobThatSucceedsExitsZeroWithoutAWebServerOrABrokerAndIsRecorded() throws Exception {
		Run run = runOnce("escalate-overdue-reviews");
		assertThat(run.status()).as(run.output()).isZero();
		assertThat(run.output()).doesNotContain("Tomcat started").contains("one-shot run of escalate-overdue-reviews");
		assertThat(data.resolve("kafka")).as("no embedded broker for a job that needs none").doesNotExist();
		try (var db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/daca") + ";MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE", "sa", "");
				var rows = db.createStatement().executeQuery("select run_trigger, outcome, counts from scheduled_run "
						+ "where job = 'escalate-overdue-reviews'")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("once");
			assertThat(rows.getString(2)).isEqualTo("succeeded");
			assertThat(rows.getString(3)).contains("\"escalated\":0");
		}
	}

	@Test
	void aJobThatFailsExitsOne() throws Exception {
		Run run = runOnce("refresh-moderation-lexicon"); // no daca.moderation.lexicon-source configured
		assertThat(run.status()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("daca.moderation.lexicon-source is not set");
	}

	@Test
	void anUnknownJobExitsTwoNamingTheJobs() throws Exception {
		Run run = runOnce("no-such-job");
		assertThat(run.status()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("no scheduled job 'no-such-job'").contains("sensor-sweep");
	}

	record Run(int status, String output) {
	}

	static Run runOnce(String job) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"dev.daca.DacaApplication", "--daca.run-once=" + job, "--daca.data-dir=" + data,
				"--daca.hitl.security.embedded-default=false")); // as deployed: no users, no OIDC, no web server
		if (Runtime.version().feature() >= 24) {
			command.add(1, "--sun-misc-unsafe-memory-access=allow");
		}
		Path log = Files.createTempFile("daca-once", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the one-shot run of " + job + " did not exit in 3 minutes: "
					+ Files.readString(log));
		}
		return new Run(process.exitValue(), Files.readString(log));
	}
}
