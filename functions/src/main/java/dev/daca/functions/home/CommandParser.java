package dev.daca.functions.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.daca.functions.home.CommandLexicon.Clause;

/**
 * The RULES tier for commands: split the command into clauses ("and", "then", commas; a part without a verb belongs
 * to the clause before it, or, at the start, to the first clause with a verb; "it"/"them" in a clause without a
 * device means the devices of the clause before), read each with the {@link CommandLexicon}, and turn a verb + device (+ number) into
 * canonical actions. The parser is sure only when a clause has exactly one verb, at least one device the verb fits,
 * and the number a thermostat setting needs; otherwise the clause goes to the embedding tier.
 */
final class CommandParser {

	/** A canonical verb on a device with its parameters, before impact and target are attached. */
	record Step(String verb, String device, Map<String, Object> parameters) {
	}

	/** "switch it off", "lock them": the clause means the devices of the clause before. */
	private static final Pattern PRONOUN = Pattern.compile("(?i)\\b(it|them)\\b");

	private static final Set<String> LOCKABLE = Set.of("door", "garage", "gate", "window");

	private static final Set<String> OPENABLE = Set.of("door", "garage", "gate", "window", "blinds", "water-valve");

	private static final Set<String> SWITCHABLE = Set.of("lights", "heating", "ac", "fan", "tv", "dehumidifier",
			"sprinklers", "camera", "thermostat", "water-valve", "alarm", "smoke-detector", "co-detector");

	private static final Set<String> CLIMATE = Set.of("thermostat", "heating", "ac");

	private final CommandLexicon lexicon;

	CommandParser(CommandLexicon lexicon) {
		this.lexicon = lexicon;
	}

	CommandLexicon lexicon() {
		return lexicon;
	}

	List<Clause> clauses(String text) {
		List<String> parts = new ArrayList<>();
		String pending = "";
		for (String part : text.split("(?i)\\s*(?:,|;|\\band then\\b|\\bthen\\b|\\band\\b|\\balso\\b)\\s*")) {
			if (part.isBlank()) {
				continue;
			}
			if (lexicon.hasVerb(part)) {
				parts.add(pending + part);
				pending = "";
			}
			else if (!parts.isEmpty()) {
				parts.set(parts.size() - 1, parts.getLast() + " and " + part);
			}
			else {
				pending = pending + part + ", ";
			}
		}
		if (!pending.isEmpty()) {
			parts.add(pending.substring(0, pending.length() - 2));
		}
		List<Clause> clauses = new ArrayList<>();
		for (String part : parts) {
			Clause clause = lexicon.read(part);
			if (clause.devices().isEmpty() && !clauses.isEmpty() && PRONOUN.matcher(part).find()) {
				clause = new Clause(clause.text(), clause.negated(), clause.verbs(), clauses.getLast().devices(),
						clause.rooms().isEmpty() ? clauses.getLast().rooms() : clause.rooms(), clause.number());
			}
			clauses.add(clause);
		}
		return clauses;
	}

	/** The steps a clause asks for, or empty when the parser is not sure. */
	Optional<List<Step>> steps(Clause clause) {
		if (clause.verbs().size() != 1) {
			return Optional.empty();
		}
		String verb = clause.verbs().getFirst();
		List<String> devices = clause.devices().isEmpty() && (verb.equals("arm") || verb.equals("disarm"))
				? List.of("alarm") : clause.devices();
		if (devices.isEmpty()) {
			return Optional.empty();
		}
		List<Step> steps = new ArrayList<>();
		for (String device : devices) {
			Optional<Step> step = canonical(verb, device, clause.number());
			if (step.isEmpty()) {
				return Optional.empty();
			}
			steps.add(step.get());
		}
		return Optional.of(steps);
	}

	/** A lexicon verb on a device, as the canonical action; empty when the verb does not fit the device. */
	static Optional<Step> canonical(String verb, String device, Double number) {
		Map<String, Object> none = Map.of();
		return Optional.ofNullable(switch (verb) {
			case "set" -> CLIMATE.contains(device) && number != null
					? new Step("set-temperature", "thermostat", Map.of("celsius", number))
					: device.equals("alarm") ? new Step("arm-alarm", "alarm", none) : null;
			case "turn-on", "enable" -> device.equals("alarm") ? new Step("arm-alarm", "alarm", none)
					: device.equals("water-valve") ? new Step("open", "water-valve", none)
					: device.equals("thermostat") ? new Step("turn-on", "heating", none)
					: SWITCHABLE.contains(device) ? new Step("turn-on", device, none) : null;
			case "turn-off", "disable" -> device.equals("alarm") ? new Step("disarm-alarm", "alarm", none)
					: device.equals("water-valve") ? new Step("close", "water-valve", none)
					: device.equals("thermostat") ? new Step("turn-off", "heating", none)
					: Set.of("smoke-detector", "co-detector", "camera").contains(device) ? new Step("disable", device, none)
					: SWITCHABLE.contains(device) ? new Step("turn-off", device, none) : null;
			case "lock", "unlock" -> LOCKABLE.contains(device) ? new Step(verb, device, none) : null;
			case "open", "close" -> OPENABLE.contains(device) ? new Step(verb, device, none) : null;
			case "arm" -> device.equals("alarm") ? new Step("arm-alarm", "alarm", none) : null;
			case "disarm" -> device.equals("alarm") ? new Step("disarm-alarm", "alarm", none) : null;
			case "dim" -> device.equals("lights") ? new Step("dim", "lights", none) : null;
			default -> null;
		});
	}
}
