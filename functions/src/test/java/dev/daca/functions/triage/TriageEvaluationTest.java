package dev.daca.functions.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.review.ReviewPolicies;
import dev.daca.functions.review.ReviewPolicy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the evaluation set (src/test/resources/triage/eval.tsv, written apart from the knowledge base) through
 * {@code diagnose} under the review policy in force, and reports: urgency accuracy, condition top-1/top-3, the share
 * decided without a person and its accuracy, errors caught by review, the share each tier decided. Asserts the
 * safety properties only: every expected emergency is assessed EMERGENCY, and every case that is urgent or worse
 * reaches a person.
 */
class TriageEvaluationTest {

	record Case(String id, Urgency urgency, String condition, Integer age, String sex, String duration,
			String symptoms) {
	}

	record Result(Case c, TriageAssessment a, boolean reviewed, long micros) {

		boolean urgencyRight() {
			return a.urgency() == c.urgency();
		}

		boolean top1() {
			return !a.conditions().isEmpty() && a.conditions().get(0).name().equals(c.condition());
		}

		boolean top3() {
			return a.conditions().stream().limit(3).anyMatch(k -> k.name().equals(c.condition()));
		}
	}

	@Test
	void evaluationSet() throws IOException {
		ReviewPolicy.Rule rule;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("review/review-policy.yml")) {
			rule = ReviewPolicies.from(Objects.requireNonNull(in)).current().ruleFor("diagnose").orElseThrow();
		}
		Triage triage = new Triage(new SentenceEmbeddings(), LanguageModelEscalation.none(),
				new DecisionMeter(new SimpleMeterRegistry()));
		triage.apply(SymptomReport.of("warm-up", "runny nose and my tummy is a bit funny"));
		List<Result> results = new ArrayList<>();
		for (Case c : cases()) {
			long start = System.nanoTime();
			TriageAssessment a = triage.apply(new SymptomReport(c.id(), c.symptoms(), c.age(), c.sex(), c.duration()));
			long micros = (System.nanoTime() - start) / 1000;
			results.add(new Result(c, a, !rule.reasonsToReview(a).isEmpty(), micros));
		}
		String report = report(results, rule);
		System.out.println(report);
		Path out = Path.of("target/eval/diagnose.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);

		assertThat(results.stream().filter(r -> r.c().urgency() == Urgency.EMERGENCY)
			.filter(r -> r.a().urgency() != Urgency.EMERGENCY).map(r -> r.c().id()))
			.as("emergency recall must be 1.0").isEmpty();
		assertThat(results.stream().filter(r -> r.c().urgency().atLeast(Urgency.URGENT))
			.filter(r -> !r.reviewed()).map(r -> r.c().id()))
			.as("every urgent-or-worse case reaches a person").isEmpty();
	}

	private static String report(List<Result> results, ReviewPolicy.Rule rule) {
		int n = results.size();
		StringBuilder md = new StringBuilder("# diagnose: evaluation\n\n");
		md.append(String.format(Locale.ROOT, "%d cases from `src/test/resources/triage/eval.tsv`, no LLM configured, "
				+ "review policy: below-confidence %.2f, risk >= %s always reviewed.%n%n", n, rule.belowConfidence(),
				rule.atOrAboveRisk().json()));
		long urgencyRight = results.stream().filter(Result::urgencyRight).count();
		List<Result> withCondition = results.stream().filter(r -> !r.c().condition().equals("-")).toList();
		List<Result> emergencies = results.stream().filter(r -> r.c().urgency() == Urgency.EMERGENCY).toList();
		List<Result> urgentOrWorse = results.stream().filter(r -> r.c().urgency().atLeast(Urgency.URGENT)).toList();
		List<Result> automatic = results.stream().filter(r -> !r.reviewed()).toList();
		List<Result> errors = results.stream().filter(r -> !r.urgencyRight()).toList();
		long under = errors.stream().filter(r -> r.c().urgency().atLeast(r.a().urgency())).count();
		md.append("| measure | value |\n| --- | --- |\n");
		row(md, "urgency accuracy (all cases)", urgencyRight, n);
		md.append(String.format(Locale.ROOT, "| of the errors: under-triaged / over-triaged | %d / %d |%n", under,
				errors.size() - under));
		row(md, "emergency recall (assessed EMERGENCY)",
				emergencies.stream().filter(r -> r.a().urgency() == Urgency.EMERGENCY).count(), emergencies.size());
		row(md, "urgent-or-worse cases that reach a person", urgentOrWorse.stream().filter(Result::reviewed).count(),
				urgentOrWorse.size());
		row(md, "condition top-1 (cases with an expected condition)",
				withCondition.stream().filter(Result::top1).count(), withCondition.size());
		row(md, "condition top-3", withCondition.stream().filter(Result::top3).count(), withCondition.size());
		row(md, "decided without a person (automatic share)", automatic.size(), n);
		row(md, "urgency accuracy of the automatic decisions", automatic.stream().filter(Result::urgencyRight).count(),
				automatic.size());
		List<Result> autoWithCondition = automatic.stream().filter(r -> !r.c().condition().equals("-")).toList();
		row(md, "condition top-1 of the automatic decisions", autoWithCondition.stream().filter(Result::top1).count(),
				autoWithCondition.size());
		row(md, "urgency errors caught by review", errors.stream().filter(Result::reviewed).count(), errors.size());
		Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
		results.forEach(r -> tiers.merge(r.a().decidedBy().tier(), 1, Integer::sum));
		tiers.forEach((tier, count) -> row(md, "decided by tier " + tier.json(), count, n));
		long[] micros = results.stream().mapToLong(Result::micros).sorted().toArray();
		md.append(String.format(Locale.ROOT, "| latency per case (warm): median / p95 / max | %.2f / %.2f / %.2f ms |%n",
				micros[n / 2] / 1000.0, micros[(int) (n * 0.95)] / 1000.0, micros[n - 1] / 1000.0));
		md.append("\nConfidence by outcome (automatic decisions are those not reviewed; risk >= high is always "
				+ "reviewed):\n\n| urgency assessed | cases | reviewed | mean confidence |\n| --- | --- | --- | --- |\n");
		for (Urgency u : Urgency.values()) {
			List<Result> of = results.stream().filter(r -> r.a().urgency() == u).toList();
			md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f |%n", u.json(), of.size(),
					of.stream().filter(Result::reviewed).count(),
					of.stream().mapToDouble(r -> r.a().confidence()).average().orElse(0)));
		}
		md.append("\n## Urgency errors\n\n| case | expected | assessed | confidence | reviewed | tier | top condition "
				+ "| symptoms |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (Result r : errors) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %s | %s |%n", r.c().id(),
					r.c().urgency().json(), r.a().urgency().json(), r.a().confidence(), r.reviewed() ? "yes" : "NO",
					r.a().decidedBy().tier().json(), r.a().topCondition(), r.c().symptoms()));
		}
		md.append("\n## Condition misses (top-1)\n\n| case | expected | assessed (top 3) | confidence | reviewed |\n"
				+ "| --- | --- | --- | --- | --- |\n");
		for (Result r : withCondition.stream().filter(r -> !r.top1()).toList()) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |%n", r.c().id(), r.c().condition(),
					String.join("; ", r.a().conditions().stream()
						.map(k -> String.format(Locale.ROOT, "%s %.2f", k.name(), k.confidence())).toList()),
					r.a().confidence(), r.reviewed() ? "yes" : "NO"));
		}
		md.append("\n## All cases\n\n| case | expected | assessed | confidence | reviewed | tier | method | top condition |"
				+ "\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (Result r : results) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %s | %s |%n", r.c().id(),
					r.c().urgency().json(), r.a().urgency().json(), r.a().confidence(), r.reviewed() ? "yes" : "no",
					r.a().decidedBy().tier().json(), r.a().decidedBy().method(), r.a().topCondition()));
		}
		return md.toString();
	}

	private static void row(StringBuilder md, String measure, long count, long of) {
		md.append(String.format(Locale.ROOT, "| %s | %d / %d = %.3f |%n", measure, count, of,
				of == 0 ? 0.0 : (double) count / of));
	}

	static List<Case> cases() throws IOException {
		List<Case> cases = new ArrayList<>();
		try (InputStream in = TriageEvaluationTest.class.getClassLoader().getResourceAsStream("triage/eval.tsv")) {
			for (String line : new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)
				.split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t", -1);
				cases.add(new Case(f[0], Urgency.of(f[1]), f[2], f[3].isBlank() ? null : Integer.valueOf(f[3]),
						f[4].isBlank() ? null : f[4], f[5].isBlank() ? null : f[5], f[6]));
			}
		}
		return cases;
	}

	static boolean reviewedByRisk(TriageAssessment a) {
		return a.risk().atLeast(Risk.HIGH);
	}
}
