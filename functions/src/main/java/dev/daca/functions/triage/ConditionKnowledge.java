package dev.daca.functions.triage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.daca.functions.engine.InvalidInput;

/**
 * The condition knowledge base ({@code triage/conditions.yml}) and how a report is scored against it. A condition
 * fits a report when the report covers its key symptoms (coverage: the weights matched, against the weight of its
 * key symptoms, at most {@value #KEY_WEIGHT}) and when the condition explains what the report says (the share of
 * the reported symptoms it accounts for). The fit is the geometric mean of the two, so a condition that matches one
 * symptom of many, or explains one symptom out of five reported, stays low.
 */
final class ConditionKnowledge {

	static final double KEY_WEIGHT = 2.5;

	record Condition(String name, Urgency urgency, String nextStep, Map<String, Double> symptoms) {

		Condition {
			InvalidInput.require(name != null && urgency != null && nextStep != null && symptoms != null
					&& !symptoms.isEmpty(), "condition needs name, urgency, next-step and symptoms");
			symptoms = Map.copyOf(symptoms);
		}

		double keyWeight() {
			return Math.min(KEY_WEIGHT, symptoms.values().stream().mapToDouble(Double::doubleValue).sum());
		}
	}

	/** A condition and how well the report fits it, with the reported symptoms it matched. */
	record Fit(Condition condition, double score, List<String> matched) {
	}

	private final List<Condition> conditions;

	ConditionKnowledge(List<Condition> conditions, Set<String> knownSymptoms) {
		this.conditions = List.copyOf(conditions);
		for (Condition condition : conditions) {
			for (String symptom : condition.symptoms().keySet()) {
				InvalidInput.require(knownSymptoms.contains(symptom),
						"condition " + condition.name() + " names unknown symptom " + symptom);
			}
		}
	}

	static ConditionKnowledge load(String resource, Set<String> knownSymptoms) {
		try (InputStream in = ConditionKnowledge.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return new ConditionKnowledge(RedFlagRules.YAML.readValue(in, new TypeReference<List<Condition>>() {
			}), knownSymptoms);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
	}

	int size() {
		return conditions.size();
	}

	/** Every condition that fits at all, best first. */
	List<Fit> rank(Map<String, SymptomLexicon.Mention> mentions) {
		double reported = mentions.values().stream().mapToDouble(SymptomLexicon.Mention::strength).sum();
		List<Fit> fits = new ArrayList<>();
		if (reported == 0) {
			return fits;
		}
		for (Condition condition : conditions) {
			double matchedWeight = 0;
			double explained = 0;
			List<String> matched = new ArrayList<>();
			for (var entry : condition.symptoms().entrySet()) {
				SymptomLexicon.Mention mention = mentions.get(entry.getKey());
				if (mention != null) {
					matchedWeight += entry.getValue() * mention.strength();
					explained += mention.strength();
					matched.add(mention.name());
				}
			}
			if (matched.isEmpty()) {
				continue;
			}
			double coverage = Math.min(1, matchedWeight / condition.keyWeight());
			double score = Math.sqrt(coverage * (explained / reported));
			fits.add(new Fit(condition, score, matched.stream().sorted().toList()));
		}
		fits.sort(Comparator.comparingDouble(Fit::score).reversed().thenComparing(f -> f.condition().name()));
		return fits;
	}
}
