package dev.daca.functions.triage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.daca.functions.engine.InvalidInput;

/**
 * The first rung: red-flag rules that always catch emergencies, whatever else the report says. Rules are data
 * ({@code triage/red-flags.yml}): named groups of phrases (a phrase starting with "!" is an exclusion: matches of its
 * group that overlap it do not count), and rules that fire when every group of one of their {@code when}
 * alternatives ("chest-pain + breathless") is affirmed somewhere in the report. Negated mentions ("no chest pain",
 * "denies shortness of breath") never count.
 */
final class RedFlagRules {

	static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.build();

	record Rule(String id, String name, String nextStep, List<String> when, Integer underAgeMonths) {

		Rule {
			InvalidInput.require(id != null && name != null && nextStep != null && when != null && !when.isEmpty(),
					"red-flag rule needs id, name, next-step and when");
		}
	}

	record Spec(Map<String, List<String>> groups, List<Rule> rules) {
	}

	/** A rule that fired, with its next step. */
	record Fired(RedFlag flag, String nextStep) {
	}

	private record Group(List<PhrasePattern> phrases, List<PhrasePattern> exclusions) {
	}

	private final Map<String, Group> groups = new LinkedHashMap<>();

	private final List<Rule> rules;

	RedFlagRules(Spec spec) {
		spec.groups().forEach((name, phrases) -> {
			List<PhrasePattern> include = new ArrayList<>();
			List<PhrasePattern> exclude = new ArrayList<>();
			for (String phrase : phrases) {
				if (phrase.startsWith("!")) {
					exclude.add(PhrasePattern.of(phrase.substring(1)));
				}
				else {
					include.add(PhrasePattern.of(phrase));
				}
			}
			groups.put(name, new Group(include, exclude));
		});
		this.rules = List.copyOf(spec.rules());
		for (Rule rule : rules) {
			for (String alternative : rule.when()) {
				for (String group : alternative.split("\\+")) {
					InvalidInput.require(groups.containsKey(group.trim()),
							"red-flag rule " + rule.id() + " names unknown group " + group.trim());
				}
			}
		}
	}

	static RedFlagRules load(String resource) {
		try (InputStream in = RedFlagRules.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return new RedFlagRules(YAML.readValue(in, Spec.class));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
	}

	/**
	 * The rules that fire on this text, in the order of the file (most specific first).
	 * @param infantMonths the patient's age in months when known to be under a year
	 */
	List<Fired> fire(SymptomText text, OptionalInt infantMonths) {
		Map<String, Optional<PhrasePattern.Match>> found = new HashMap<>();
		List<Fired> fired = new ArrayList<>();
		for (Rule rule : rules) {
			if (rule.underAgeMonths() != null
					&& (infantMonths.isEmpty() || infantMonths.getAsInt() >= rule.underAgeMonths())) {
				continue;
			}
			for (String alternative : rule.when()) {
				List<String> words = new ArrayList<>();
				for (String group : alternative.split("\\+")) {
					Optional<PhrasePattern.Match> match = found.computeIfAbsent(group.trim(), g -> affirmed(g, text));
					if (match.isEmpty()) {
						words = null;
						break;
					}
					words.add(match.get().words());
				}
				if (words != null) {
					fired.add(new Fired(new RedFlag(rule.id(), rule.name(), words), rule.nextStep()));
					break;
				}
			}
		}
		return fired;
	}

	/** Whether any phrase of the group is affirmed in the text (used for rules the code applies, e.g. age). */
	boolean mentions(String group, SymptomText text) {
		return affirmed(group, text).isPresent();
	}

	private Optional<PhrasePattern.Match> affirmed(String name, SymptomText text) {
		Group group = groups.get(name);
		List<PhrasePattern.Match> excluded = new ArrayList<>();
		for (PhrasePattern exclusion : group.exclusions()) {
			excluded.addAll(exclusion.matchAll(text));
		}
		for (PhrasePattern phrase : group.phrases()) {
			for (PhrasePattern.Match match : phrase.matchAll(text)) {
				if (!match.negated() && excluded.stream().noneMatch(match::overlaps)) {
					return Optional.of(match);
				}
			}
		}
		return Optional.empty();
	}
}
