package dev.daca.bindings.schedule;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The last reading per home and device (table {@code device_state}). With Redis this would be one hash per home
 * ({@code daca:home:<homeId>}, field = device id, value = the reading's JSON) and a set of homes to sweep.
 */
interface DeviceStates extends JpaRepository<DeviceState, DeviceState.Key> {

	List<DeviceState> findBySensor(String sensor);
}
