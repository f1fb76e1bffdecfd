package dev.daca.functions.review;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daca.functions.review.FeedbackAggregation.Decided;
import dev.daca.functions.review.FeedbackAggregation.FunctionFeedback;
import dev.daca.functions.review.FeedbackAggregation.HumanDecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeedbackAggregationTests {

	final ReviewPolicy shipped = shippedPolicy();

	final FeedbackAggregation aggregation = new FeedbackAggregation(0.05, 30);

	@Test
	void reviewsThatPeopleNeverOverturnAboveAConfidenceSupportALowerThreshold() {
		List<Decided> decided = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			// 0.80..0.89, all approved as proposed
			decided.add(new Decided("classify", 0.80 + (i % 10) / 100.0, HumanDecision.APPROVED));
		}
		for (int i = 0; i < 40; i++) {
			// 0.50..0.59, all overturned: rejected, edited or answered
			decided.add(new Decided("classify", 0.50 + (i % 10) / 100.0,
					List.of(HumanDecision.REJECTED, HumanDecision.EDITED, HumanDecision.RESPONDED).get(i % 3)));
		}
		FunctionFeedback classify = aggregation.aggregate(decided, shipped).getFirst();
		assertThat(classify.decided()).isEqualTo(160);
		assertThat(classify.overturned()).isEqualTo(40);
		assertThat(classify.overturnRate()).isCloseTo(0.25, within(1e-9));
		assertThat(classify.byDecision()).containsExactly(java.util.Map.entry("approved", 120),
				java.util.Map.entry("edited", 13), java.util.Map.entry("rejected", 14),
				java.util.Map.entry("responded", 13));
		assertThat(classify.currentThreshold()).isEqualTo(0.90);
		// 120 upheld reviews: Wilson upper bound 3.1% <= 5%; adding the 0.59 band (4 overturned of 124) does not
		assertThat(classify.proposedThreshold()).isEqualTo(0.80);
		assertThat(classify.rationale()).contains("0.90 to 0.80");
	}

	@Test
	void tooFewReviewsOrTooManyOverturnsKeepTheThreshold() {
		List<Decided> few = List.of(new Decided("diagnose", 0.75, HumanDecision.APPROVED),
				new Decided("diagnose", 0.70, HumanDecision.APPROVED));
		List<Decided> overturned = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			overturned.add(new Decided("actuate", 0.55, i % 5 == 0 ? HumanDecision.EDITED : HumanDecision.APPROVED));
		}
		List<Decided> all = new ArrayList<>(few);
		all.addAll(overturned);
		List<FunctionFeedback> report = aggregation.aggregate(all, shipped);
		assertThat(report).extracting(FunctionFeedback::function).containsExactly("actuate", "diagnose");
		assertThat(report).allSatisfy(f -> assertThat(f.proposedThreshold()).isNull());
		assertThat(report.getFirst().overturnRate()).isCloseTo(0.20, within(1e-9));
	}

	@Test
	void onlyAnApprovalAsProposedUpholdsTheAgent() {
		assertThat(HumanDecision.of("approved", false).overturns()).isFalse();
		assertThat(HumanDecision.of("approved", true)).isEqualTo(HumanDecision.EDITED);
		assertThat(HumanDecision.of("approved", true).overturns()).isTrue();
		assertThat(HumanDecision.of("rejected", false).overturns()).isTrue();
		assertThat(HumanDecision.of("responded", false).overturns()).isTrue();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> HumanDecision.of("expired", false));
	}

	@Test
	void wilsonUpperBoundMatchesTheFormula() {
		assertThat(FeedbackAggregation.wilsonUpper(0, 120)).isCloseTo(0.0310, within(1e-4));
		assertThat(FeedbackAggregation.wilsonUpper(5, 10)).isCloseTo(0.7634, within(1e-4));
	}

	static ReviewPolicy shippedPolicy() {
		try (var in = FeedbackAggregationTests.class.getClassLoader().getResourceAsStream("review/review-policy.yml")) {
			return ReviewPolicies.parse(in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
