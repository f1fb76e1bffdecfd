package dev.daca.functions.home;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The smart home's night sweep: at night, a lock whose last reading says {@code unlocked} becomes a command to lock
 * it, for the {@code actuate} function to plan (and the review policy to route) like any other command. The night
 * window may wrap midnight (22:00 to 06:00, the default).
 */
public final class NightWatch {

	/** What the sweep found, and the command it asks for. */
	public record Finding(SensorReading reading, Command command) {
	}

	public static final String REQUESTED_BY = "sensor-sweep";

	private final LocalTime from;

	private final LocalTime until;

	public NightWatch(LocalTime from, LocalTime until) {
		this.from = from;
		this.until = until;
	}

	public boolean isNight(LocalTime time) {
		return from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
				: !time.isBefore(from) || time.isBefore(until);
	}

	/** The locks left unlocked, given each device's last reading and the homes' local time now. */
	public List<Finding> sweep(List<SensorReading> lastReadings, ZonedDateTime now) {
		List<Finding> findings = new ArrayList<>();
		if (!isNight(now.toLocalTime())) {
			return findings;
		}
		for (SensorReading reading : lastReadings) {
			if (reading.sensor().equals("lock") && "unlocked".equals(reading.state())) {
				String where = reading.room() == null || reading.room().isBlank() ? "" : reading.room() + " ";
				findings.add(new Finding(reading,
						new Command(reading.homeId(), "lock the " + where + "door", REQUESTED_BY)));
			}
		}
		return findings;
	}
}
