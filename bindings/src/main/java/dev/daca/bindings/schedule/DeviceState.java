package dev.daca.bindings.schedule;

import java.time.Instant;

import dev.daca.functions.home.SensorReading;

/**
 * The last reading of one device of one home, and the time of the reading the sensor sweep last sent a command for
 * (null: none).
 */
record DeviceState(SensorReading reading, Instant commandedFor) {

	boolean commandedFor(SensorReading reading) {
		return reading.at().equals(commandedFor);
	}
}
