package dev.daca.functions.home;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import dev.daca.functions.engine.InvalidInput;

/**
 * A device's reading: a number ({@code value}: degrees Celsius, % humidity, 1/0 for binary sensors) or a state
 * ({@code "detected"}, {@code "open"}, {@code "unlocked"}...). {@code occupied} is optional: whether anyone is known
 * to be home (null when the hub does not know); the night-motion rule needs it.
 */
public record SensorReading(String homeId, String deviceId, String sensor, Double value, String state, String room,
		Instant at, Boolean occupied) implements HomeSignal {

	public static final Set<String> SENSORS = Set.of("temperature", "humidity", "motion", "door", "window", "smoke",
			"co", "water-leak", "lock");

	public SensorReading {
		InvalidInput.require(homeId != null && !homeId.isBlank(), "homeId is required");
		InvalidInput.require(deviceId != null && !deviceId.isBlank(), "deviceId is required");
		InvalidInput.require(sensor != null && SENSORS.contains(sensor.toLowerCase(Locale.ROOT)),
				"sensor must be one of " + new java.util.TreeSet<>(SENSORS));
		sensor = sensor.toLowerCase(Locale.ROOT);
		InvalidInput.require(value != null || (state != null && !state.isBlank()), "value or state is required");
		state = state == null ? null : state.trim().toLowerCase(Locale.ROOT);
		InvalidInput.require(at != null, "at is required");
	}

	/** True for a binary sensor that reports an alarm condition, by value (> 0) or by state. */
	boolean triggered() {
		return (value != null && value > 0)
				|| (state != null && Set.of("detected", "alarm", "on", "wet", "leak", "open", "unlocked", "true")
					.contains(state));
	}
}
