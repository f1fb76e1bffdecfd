package dev.daca.bindings.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code scheduled_run} table: every run of every job, whatever triggered it. */
@Repository
class ScheduledRuns {

	private static final String COLUMNS = "run_id, job, run_trigger, instance, started_at, finished_at, outcome, counts, note";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	ScheduledRuns(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long started(String job, RunTrigger trigger, String instance, Instant at) {
		return insert(job, trigger, instance, at, null, ScheduledRun.RUNNING, null);
	}

	void skipped(String job, RunTrigger trigger, String instance, Instant at) {
		insert(job, trigger, instance, at, at, ScheduledRun.SKIPPED, "another run of " + job + " holds its lock");
	}

	void finished(long runId, Instant at, String outcome, Map<String, Long> counts, String note) {
		jdbc.update("update scheduled_run set finished_at = ?, outcome = ?, counts = ?, note = ? where run_id = ?",
				utc(at), outcome, write(counts), truncate(note), runId);
	}

	Optional<Instant> lastSucceeded(String job) {
		return jdbc.query("select max(started_at) from scheduled_run where job = ? and outcome = ?",
				(rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
				job, ScheduledRun.SUCCEEDED).getFirst();
	}

	List<ScheduledRun> recent(String job, int limit) {
		return jdbc.query("select " + COLUMNS + " from scheduled_run where job = ? order by run_id desc fetch first "
				+ limit + " rows only", this::row, job);
	}

	int deleteStartedBefore(Instant cutoff) {
		return jdbc.update("delete from scheduled_run where started_at < ?", utc(cutoff));
	}

	private long insert(String job, RunTrigger trigger, String instance, Instant startedAt, Instant finishedAt,
			String outcome, String note) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into scheduled_run (job, run_trigger, instance, started_at, "
					+ "finished_at, outcome, note) values (?, ?, ?, ?, ?, ?, ?)", new String[] { "run_id" });
			ps.setString(1, job);
			ps.setString(2, trigger.json());
			ps.setString(3, instance);
			ps.setObject(4, utc(startedAt));
			ps.setObject(5, finishedAt == null ? null : utc(finishedAt));
			ps.setString(6, outcome);
			ps.setString(7, note);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	private ScheduledRun row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		String counts = rs.getString("counts");
		return new ScheduledRun(rs.getLong("run_id"), rs.getString("job"), rs.getString("run_trigger"),
				rs.getString("instance"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant(), rs.getString("outcome"),
				counts == null ? Map.of() : read(counts), rs.getString("note"));
	}

	static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String note) {
		return note == null || note.length() <= 2000 ? note : note.substring(0, 1997) + "...";
	}

	private String write(Map<String, Long> counts) {
		try {
			return json.writeValueAsString(counts);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Long> read(String counts) {
		try {
			return json.readValue(counts, new TypeReference<>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
