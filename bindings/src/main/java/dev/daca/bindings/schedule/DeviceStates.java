package dev.daca.bindings.schedule;

import java.util.List;

import dev.daca.functions.home.SensorReading;

/**
 * The last reading per home and device, kept by {@code recordDeviceState} and read by the sensor sweep. One store at a
 * time: the {@code device_state} table ({@link SqlDeviceStates}, default) or Redis ({@link RedisDeviceStates},
 * {@code daca.hot-state.store=redis}). Docs: docs/state.md.
 */
interface DeviceStates {

	/** Keeps the reading unless the device's stored one is newer (a late, older reading is ignored). */
	void record(SensorReading reading);

	/** Every home's devices of that sensor kind, with their last reading. */
	List<DeviceState> withSensor(String sensor);

	/** Notes that the sweep sent a command for this reading (the device's current one), so it is sent once. */
	void commanded(SensorReading reading);
}
