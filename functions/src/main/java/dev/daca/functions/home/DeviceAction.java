package dev.daca.functions.home;

import java.util.Map;
import java.util.TreeMap;

import dev.daca.functions.engine.InvalidInput;

/**
 * One thing the home would do: {@code action} (turn-on, unlock, set-temperature, notify...) on {@code target}
 * (a device id, or device/room such as {@code lights/kitchen}), with its impact. A HIGH-impact action cannot be
 * built without {@code requiresApproval}: the record itself refuses it, whoever builds it (rules, embedding, LLM, JSON).
 */
public record DeviceAction(String target, String action, Map<String, Object> parameters, Impact impact,
		boolean requiresApproval, String reason) {

	public DeviceAction {
		InvalidInput.require(target != null && !target.isBlank(), "actions[].target is required");
		InvalidInput.require(action != null && !action.isBlank(), "actions[].action is required");
		InvalidInput.require(impact != null, "actions[].impact is required");
		InvalidInput.require(impact != Impact.HIGH || requiresApproval,
				"actions[].requiresApproval must be true for a high-impact action");
		parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
		reason = reason == null ? "" : reason;
	}

	/** The action as a plain sorted map, so the approved action hashes the same after a JSON round trip. */
	Map<String, Object> asMap() {
		Map<String, Object> map = new TreeMap<>();
		map.put("target", target);
		map.put("action", action);
		map.put("parameters", parameters);
		map.put("impact", impact.json());
		map.put("requiresApproval", requiresApproval);
		map.put("reason", reason);
		return map;
	}
}
