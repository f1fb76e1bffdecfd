package dev.daca.functions.home;

import java.util.Map;
import java.util.Set;

/**
 * The home's own table of how bad each action is if it should not have happened. Every action gets its impact from
 * here, whoever proposed it (home rules, parser, embedding tier or LLM): a model's opinion of the impact is never used.
 * <ul>
 * <li>HIGH (always requires the homeowner's approval): unlock anything; open a door, the garage or a gate; disarm
 * the alarm; disable a smoke or CO detector or a camera; turn off the heating (a stateless function cannot rule out
 * freezing weather, so it assumes it).</li>
 * <li>MEDIUM: close the water main, sound the alarm, shut down the HVAC, a thermostat setting outside 16..26 °C,
 * and any verb this table does not know.</li>
 * <li>LOW: the rest (lights, fans, blinds, windows, locking, arming, notifications, comfortable temperatures).</li>
 * </ul>
 */
final class ImpactTable {

	static final Set<String> VERBS = Set.of("turn-on", "turn-off", "set-temperature", "lock", "unlock", "open", "close",
			"arm-alarm", "disarm-alarm", "disable", "dim", "notify", "sound-alarm");

	static final Set<String> DEVICES = Set.of("lights", "door", "garage", "gate", "window", "blinds", "thermostat",
			"heating", "ac", "alarm", "smoke-detector", "co-detector", "camera", "water-valve", "fan", "tv",
			"dehumidifier", "sprinklers", "hvac", "homeowner");

	private static final Set<String> ENTRANCES = Set.of("door", "garage", "gate");

	private static final Set<String> SAFETY_DEVICES = Set.of("smoke-detector", "co-detector", "camera", "alarm");

	private ImpactTable() {
	}

	static Impact impactOf(String verb, String device, Map<String, Object> parameters) {
		if (verb.equals("unlock") || verb.equals("disarm-alarm")
				|| (verb.equals("open") && ENTRANCES.contains(device))
				|| ((verb.equals("disable") || verb.equals("turn-off")) && SAFETY_DEVICES.contains(device))
				|| (verb.equals("turn-off") && (device.equals("heating") || device.equals("thermostat")))) {
			return Impact.HIGH;
		}
		if (verb.equals("set-temperature")) {
			Object celsius = parameters.get("celsius");
			double c = celsius instanceof Number n ? n.doubleValue() : Double.NaN;
			return c >= 16 && c <= 26 ? Impact.LOW : Impact.MEDIUM;
		}
		if ((verb.equals("close") || verb.equals("turn-off")) && device.equals("water-valve")
				|| verb.equals("sound-alarm") || (verb.equals("turn-off") && device.equals("hvac"))
				|| !VERBS.contains(verb) || !DEVICES.contains(device)) {
			return Impact.MEDIUM;
		}
		return Impact.LOW;
	}

	/** An action with its impact from this table; HIGH impact always requires approval. */
	static DeviceAction action(String verb, String device, String room, Map<String, Object> parameters,
			String reason) {
		Impact impact = impactOf(verb, device, parameters);
		String target = room == null ? device : device + "/" + room;
		return new DeviceAction(target, verb, parameters, impact, impact == Impact.HIGH, reason);
	}
}
