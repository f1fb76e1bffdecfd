package dev.daca.bindings.schedule;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.daca.functions.home.SensorReading;

/**
 * The row of {@code device_state}: the last reading of one device of one home, and the reading the sensor sweep last
 * sent a command for ({@link SqlDeviceStates}).
 */
@Entity
@Table(name = "device_state")
class DeviceStateRow {

	@Embeddable
	record Key(@Column(name = "home_id") String homeId, @Column(name = "device_id") String deviceId)
			implements Serializable {
	}

	@EmbeddedId
	private Key key;

	private String sensor;

	private String state;

	@Column(name = "reading_value")
	private Double value;

	private String room;

	@Column(name = "read_at")
	private Instant readAt;

	@Column(name = "commanded_for")
	private Instant commandedFor;

	protected DeviceStateRow() {
	}

	DeviceStateRow(SensorReading reading) {
		this.key = new Key(reading.homeId(), reading.deviceId());
		update(reading);
	}

	/** Keep the newer reading; an older one arriving late is ignored. */
	void update(SensorReading reading) {
		if (readAt == null || !reading.at().isBefore(readAt)) {
			sensor = reading.sensor();
			state = reading.state();
			value = reading.value();
			room = reading.room();
			readAt = reading.at();
		}
	}

	DeviceState toState() {
		SensorReading reading = new SensorReading(key.homeId(), key.deviceId(), sensor, value, state, room, readAt,
				null);
		return new DeviceState(reading, commandedFor);
	}

	void commanded(SensorReading reading) {
		commandedFor = reading.at();
	}
}
