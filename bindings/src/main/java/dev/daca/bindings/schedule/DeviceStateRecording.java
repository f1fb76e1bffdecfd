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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code recordDeviceState}: a second consumer group on {@code home.signals} that keeps each device's last reading
 * for the sensor sweep (commands pass by). Once per event id, like every consumer.
 */
@Configuration(proxyBeanMethods = false)
class DeviceStateRecording {

	@Bean
	Consumer<Message<HomeSignal>> recordDeviceState(DeviceStates states, EventProcessing events,
			TransactionTemplate transactions) {
		return events.consume("recordDeviceState", Set.of(EventTypes.HOME_SIGNALLED), signal -> {
			if (signal instanceof SensorReading reading) {
				transactions.executeWithoutResult(tx -> states.findById(
						new DeviceState.Key(reading.homeId(), reading.deviceId()))
					.ifPresentOrElse(state -> state.update(reading), () -> states.save(new DeviceState(reading))));
			}
		});
	}
}
