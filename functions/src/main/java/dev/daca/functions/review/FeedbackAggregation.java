package dev.daca.functions.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Retrain with human feedback", done honestly: from the reviews people decided, how often each function's agent was
 * overturned, and which review threshold ({@code below-confidence}) the evidence supports.
 * <p>
 * Only outcomes that went to review are seen, so only a <em>lower</em> threshold can be supported by this data: the
 * lowest confidence {@code t} such that, among the reviewed outcomes at or above {@code t}, the 95% Wilson upper bound
 * of the overturn rate is within the target and there are at least {@code minSamples} of them. Whether the current
 * threshold is too low cannot be seen here (what was decided without a person was never checked), so a higher
 * threshold is never proposed; that needs an audit sample of unreviewed outcomes.
 */
public final class FeedbackAggregation {

	/**
	 * What a person decided on a review request, as the inbox records it ({@code review_decision.outcome} and
	 * {@code edited}). Only {@link #APPROVED} upholds the agent: its proposed action went ahead exactly as proposed.
	 * Everything else overturns it: {@link #EDITED} (approved with changed parameters: the person corrected the
	 * action), {@link #REJECTED} (the action does not happen), {@link #RESPONDED} (the person answered the agent
	 * instead of letting its action happen). Counting a response as an overturn is the conservative reading: a lower
	 * threshold needs evidence that the proposal is accepted as it stands. Requests nobody decided (expired, or
	 * settled by a workflow's timeout) carry no human verdict and are not {@code Decided} at all.
	 */
	public enum HumanDecision {

		APPROVED, EDITED, REJECTED, RESPONDED;

		public boolean overturns() {
			return this != APPROVED;
		}

		/** From the inbox's decision record: outcome approved | rejected | responded, and whether it was edited. */
		public static HumanDecision of(String outcome, boolean edited) {
			return switch (outcome) {
				case "approved" -> edited ? EDITED : APPROVED;
				case "rejected" -> REJECTED;
				case "responded" -> RESPONDED;
				default -> throw new IllegalArgumentException("not a human decision: " + outcome);
			};
		}

		public String json() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** One decided review: the agent's confidence and what the person decided. */
	public record Decided(String function, double confidence, HumanDecision decision) {

		public boolean overturned() {
			return decision.overturns();
		}
	}

	/**
	 * One function's feedback: {@code byDecision} counts each {@link HumanDecision}; {@code overturned} is all but
	 * the plain approvals. {@code proposedThreshold} is null when the data supports no change.
	 */
	public record FunctionFeedback(String function, int decided, int overturned, Map<String, Integer> byDecision,
			double overturnRate, Double currentThreshold, Double proposedThreshold, String rationale) {
	}

	private final double targetOverturnRate;

	private final int minSamples;

	public FeedbackAggregation(double targetOverturnRate, int minSamples) {
		if (targetOverturnRate <= 0 || targetOverturnRate >= 1 || minSamples < 1) {
			throw new IllegalArgumentException("target overturn rate in (0,1) and at least one sample required");
		}
		this.targetOverturnRate = targetOverturnRate;
		this.minSamples = minSamples;
	}

	public List<FunctionFeedback> aggregate(List<Decided> decisions, ReviewPolicy policy) {
		Map<String, List<Decided>> byFunction = new TreeMap<>();
		for (Decided d : decisions) {
			byFunction.computeIfAbsent(d.function(), f -> new ArrayList<>()).add(d);
		}
		List<FunctionFeedback> report = new ArrayList<>();
		byFunction.forEach((function, decided) -> {
			int overturned = (int) decided.stream().filter(Decided::overturned).count();
			Double current = policy.ruleFor(function).map(ReviewPolicy.Rule::belowConfidence).orElse(null);
			Double proposed = null;
			String rationale;
			if (current == null) {
				rationale = "no below-confidence threshold in the policy";
			}
			else {
				Double lowest = lowestSafeThreshold(decided);
				if (lowest != null && lowest < current) {
					proposed = lowest;
					rationale = String.format(Locale.ROOT, "reviewed outcomes at confidence >= %.2f were overturned "
							+ "at most %.1f%% (95%% upper bound): lower below-confidence from %.2f to %.2f",
							lowest, 100 * targetOverturnRate, current, lowest);
				}
				else {
					rationale = String.format(Locale.ROOT, "no confidence band with >= %d reviews and an overturn "
							+ "rate provably within %.1f%%: keep %.2f", minSamples, 100 * targetOverturnRate, current);
				}
			}
			Map<String, Integer> byDecision = new TreeMap<>();
			decided.forEach(d -> byDecision.merge(d.decision().json(), 1, Integer::sum));
			report.add(new FunctionFeedback(function, decided.size(), overturned, byDecision,
					decided.isEmpty() ? 0 : (double) overturned / decided.size(), current, proposed, rationale));
		});
		return report;
	}

	private Double lowestSafeThreshold(List<Decided> decided) {
		List<Decided> sorted = new ArrayList<>(decided);
		sorted.sort(Comparator.comparingDouble(Decided::confidence).reversed());
		Double lowest = null;
		int overturned = 0;
		for (int i = 0; i < sorted.size(); i++) {
			if (sorted.get(i).overturned()) {
				overturned++;
			}
			int n = i + 1;
			boolean bandEnds = n == sorted.size() || sorted.get(i + 1).confidence() < sorted.get(i).confidence();
			if (bandEnds && n >= minSamples && wilsonUpper(overturned, n) <= targetOverturnRate) {
				lowest = Math.floor(sorted.get(i).confidence() * 100) / 100;
			}
		}
		return lowest;
	}

	/** The upper end of the 95% Wilson score interval of a proportion. */
	static double wilsonUpper(int successes, int n) {
		double z = 1.96;
		double p = (double) successes / n;
		double denominator = 1 + z * z / n;
		double centre = p + z * z / (2.0 * n);
		double margin = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
		return (centre + margin) / denominator;
	}
}
