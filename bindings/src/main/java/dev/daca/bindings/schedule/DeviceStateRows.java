package dev.daca.bindings.schedule;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The table {@code device_state}, behind {@link SqlDeviceStates}. */
interface DeviceStateRows extends JpaRepository<DeviceStateRow, DeviceStateRow.Key> {

	List<DeviceStateRow> findBySensor(String sensor);
}
