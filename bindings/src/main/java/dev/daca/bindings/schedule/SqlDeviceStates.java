package dev.daca.bindings.schedule;

import java.util.List;

import dev.daca.bindings.hotstate.OnSqlHotState;
import dev.daca.functions.home.SensorReading;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Device state in the application's database (H2 or PostgreSQL): the table {@code device_state}. */
@Component
@OnSqlHotState
class SqlDeviceStates implements DeviceStates {

	private final DeviceStateRows rows;

	SqlDeviceStates(DeviceStateRows rows) {
		this.rows = rows;
	}

	@Override
	@Transactional
	public void record(SensorReading reading) {
		rows.findById(new DeviceStateRow.Key(reading.homeId(), reading.deviceId()))
			.ifPresentOrElse(row -> row.update(reading), () -> rows.save(new DeviceStateRow(reading)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeviceState> withSensor(String sensor) {
		return rows.findBySensor(sensor).stream().map(DeviceStateRow::toState).toList();
	}

	@Override
	@Transactional
	public void commanded(SensorReading reading) {
		rows.findById(new DeviceStateRow.Key(reading.homeId(), reading.deviceId()))
			.ifPresent(row -> row.commanded(reading));
	}
}
