package dev.daca.bindings.schedule;

import java.util.Set;
import java.util.function.Consumer;

import dev.daca.bindings.stream.EventProcessing;
import dev.daca.bindings.stream.EventTypes;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.home.SensorReading;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code recordDeviceState}: a second consumer group on {@code home.signals} that keeps each device's last reading
 * for the sensor sweep (commands pass by), in the table or in Redis ({@link DeviceStates}). Once per event id, like
 * every consumer.
 */
@Configuration(proxyBeanMethods = false)
class DeviceStateRecording {

	@Bean
	Consumer<Message<HomeSignal>> recordDeviceState(DeviceStates states, EventProcessing events) {
		return events.consume("recordDeviceState", Set.of(EventTypes.HOME_SIGNALLED), signal -> {
			if (signal instanceof SensorReading reading) {
				states.record(reading);
			}
		});
	}
}
