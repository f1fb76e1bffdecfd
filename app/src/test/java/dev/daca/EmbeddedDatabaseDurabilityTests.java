package dev.daca;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default's database keeps every commit when the process is killed: the datasource URL the app ships
 * (application.yml) is opened by a separate JVM that commits rows one by one and dies at once, as SIGKILL would
 * (no shutdown hook runs); every committed row is there afterwards. H2's default write delay (500 ms) loses them,
 * which once lost a review filed just before a kill and left its workflow unable to settle it.
 */
class EmbeddedDatabaseDurabilityTests {

	private static final int ROWS = 20;

	@TempDir
	Path data;

	@Test
	void rowsCommittedJustBeforeTheProcessIsKilledAreThereAfterwards() throws Exception {
		String url = shippedUrl().replace("${daca.data-dir}", data.toString());
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			db.createStatement().execute("create table accepted (id int primary key)");
		}

		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process writer = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				CommitThenDie.class.getName(), url))
			.redirectErrorStream(true)
			.start();
		assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(writer.getInputStream().readAllBytes());
		assertThat(writer.exitValue()).as(output).isEqualTo(CommitThenDie.KILLED);

		try (Connection db = DriverManager.getConnection(url, "sa", "");
				ResultSet count = db.createStatement().executeQuery("select count(*) from accepted")) {
			count.next();
			assertThat(count.getInt(1)).as("rows committed before the kill").isEqualTo(ROWS);
		}
	}

	private static String shippedUrl() throws Exception {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"));
		return String.valueOf(yaml.get(0).getProperty("spring.datasource.url"));
	}

	/** Commits {@value #ROWS} rows, each in its own transaction, then halts like a killed process. */
	static final class CommitThenDie {

		static final int KILLED = 137;

		public static void main(String[] args) throws SQLException {
			Connection db = DriverManager.getConnection(args[0], "sa", "");
			for (int id = 1; id <= ROWS; id++) {
				db.createStatement().execute("insert into accepted values (" + id + ")");
			}
			Runtime.getRuntime().halt(KILLED);
		}

	}

}
