package dev.daca.bindings.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.stream.EventProcessing;
import dev.daca.bindings.stream.EventTypes;
import dev.daca.functions.home.NightWatch;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every 15 minutes: at night (homes' zone), each lock last read {@code unlocked} becomes a {@code lock} command
 * published on {@code home.signals}, so {@code actuate} plans it and the review policy routes it like any command.
 * One command per reading: a lock still unlocked on the next sweep (no newer reading) is not commanded again. Needs
 * the broker (one-shot runs start the embedded one). Reads the device state from the table or from Redis
 * ({@link DeviceStates}).
 */
@Component
class SensorSweep implements ScheduledJob {

	static final String TOPIC = "home.signals";

	private final DeviceStates states;

	private final StreamBridge bridge;

	private final EventProcessing events;

	private final ObjectMapper json;

	private final SweepProperties properties;

	private final Clock clock;

	SensorSweep(DeviceStates states, StreamBridge bridge, EventProcessing events, ObjectMapper json,
			SweepProperties properties, Clock clock) {
		this.states = states;
		this.bridge = bridge;
		this.events = events;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "sensor-sweep";
	}

	@Override
	@Transactional
	public JobReport run() throws Exception {
		NightWatch watch = new NightWatch(properties.nightFrom(), properties.nightUntil());
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.zone()));
		List<DeviceState> locks = states.withSensor("lock");
		long commanded = 0;
		long alreadyCommanded = 0;
		Map<String, DeviceState> byKey = new java.util.HashMap<>();
		locks.forEach(s -> byKey.put(s.reading().homeId() + "/" + s.reading().deviceId(), s));
		List<NightWatch.Finding> findings = watch.sweep(locks.stream().map(DeviceState::reading).toList(), now);
		for (NightWatch.Finding finding : findings) {
			DeviceState state = byKey.get(finding.reading().homeId() + "/" + finding.reading().deviceId());
			if (state.commandedFor(finding.reading())) {
				alreadyCommanded++;
				continue;
			}
			String eventId = "sweep:" + finding.reading().homeId() + ":" + finding.reading().deviceId() + ":"
					+ finding.reading().at().toEpochMilli();
			Map<String, Object> command = Map.of("signal", "command", "homeId", finding.command().homeId(), "text",
					finding.command().text(), "requestedBy", finding.command().requestedBy());
			if (!bridge.send(TOPIC, events.newEvent(eventId, EventTypes.HOME_SIGNALLED, finding.command().homeId(),
					json.writeValueAsString(command).getBytes(StandardCharsets.UTF_8)))) {
				throw new IllegalStateException("the broker did not accept the command for " + eventId);
			}
			states.commanded(finding.reading());
			commanded++;
		}
		return JobReport.of(Map.of("night", watch.isNight(now.toLocalTime()) ? 1L : 0L, "locks", (long) locks.size(),
				"unlocked", (long) findings.size(), "commanded", commanded, "alreadyCommanded", alreadyCommanded));
	}
}
