package dev.daca.functions.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.review.ReviewPolicies;
import dev.daca.functions.review.ReviewPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code classify} over the held-out evaluation set (written apart from the exemplars) and reports, in
 * {@code target/eval/classify.md}, how good it is and how much of its error the review policy catches. Asserts only
 * the safety property (every self-harm post reaches a person) and that the decisions taken without a person are
 * well above chance.
 */
class ClassifyEvaluationTests {

	/** Measured 0.99 on this set (see docs/eval/classify.md); the floor leaves room, it does not force green. */
	private static final double MIN_AUTOMATIC_ACCURACY = 0.85;

	private static final int KNN = 7;

	record Row(Exemplars.Example item, ModerationVerdict verdict, List<String> reviewReasons, long nanos) {

		boolean correct() {
			return verdict.label() == item.label();
		}

		boolean automatic() {
			return reviewReasons.isEmpty();
		}
	}

	@Test
	void evaluatesOnTheHeldOutSetAndEverySelfHarmPostReachesAPerson() throws IOException {
		SentenceEmbeddings embeddings = new SentenceEmbeddings();
		Classify classify = new Classify(embeddings, LanguageModelEscalation.none(), DecisionMeter.global());
		ReviewPolicy.Rule rule;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("review/review-policy.yml")) {
			rule = ReviewPolicies.from(in).current().ruleFor(ModerationVerdict.FUNCTION).orElseThrow();
		}
		long warm = System.nanoTime();
		Classify.Model model = classify.model();
		long startupMillis = (System.nanoTime() - warm) / 1_000_000;
		Exemplars eval = Exemplars.load("moderation/eval.tsv");

		List<Row> rows = new ArrayList<>();
		for (Exemplars.Example item : eval.examples()) {
			long start = System.nanoTime();
			ModerationVerdict verdict = classify.apply(new Post("eval-" + rows.size(), null, item.text()));
			long nanos = System.nanoTime() - start;
			rows.add(new Row(item, verdict, rule.reasonsToReview(verdict), nanos));
		}
		double knnAccuracy = knnBaseline(embeddings, eval);

		String report = report(rows, rule, model, startupMillis, knnAccuracy);
		Path out = Path.of("target", "eval", "classify.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);

		List<Row> selfHarm = rows.stream().filter(r -> r.item().label() == Label.SELF_HARM).toList();
		assertThat(selfHarm).isNotEmpty().allSatisfy(r -> assertThat(
				r.verdict().label() == Label.SELF_HARM || !r.automatic())
			.as("self-harm post reaches a person: %s", r.item().text())
			.isTrue());
		List<Row> automatic = rows.stream().filter(Row::automatic).toList();
		assertThat(automatic).isNotEmpty();
		assertThat(accuracy(automatic)).isGreaterThan(MIN_AUTOMATIC_ACCURACY);
	}

	private static String report(List<Row> rows, ReviewPolicy.Rule rule, Classify.Model model, long startupMillis,
			double knnAccuracy) {
		StringBuilder md = new StringBuilder();
		List<Row> automatic = rows.stream().filter(Row::automatic).toList();
		List<Row> errors = rows.stream().filter(r -> !r.correct()).toList();
		long caught = errors.stream().filter(r -> !r.automatic()).count();
		long belowThreshold = errors.stream().filter(r -> r.verdict().confidence() < rule.belowConfidence()).count();
		md.append("# classify: evaluation\n\n");
		md.append(String.format(Locale.ROOT, "Held-out set: %d posts (%s), written apart from the %d training "
				+ "exemplars. Review policy: confidence below %.2f or flags %s go to a person. No LLM configured.%n%n",
				rows.size(), "src/test/resources/moderation/eval.tsv", model.vectors().size(), rule.belowConfidence(),
				rule.flags()));
		md.append("| measure | value |\n|---|---|\n");
		row(md, "accuracy, all posts", pct(accuracy(rows)));
		row(md, "raw " + KNN + "-NN vote over exemplar embeddings (baseline)", pct(knnAccuracy));
		row(md, "decided without a person (no review trigger)", share(automatic.size(), rows.size()));
		row(md, "accuracy of those automatic decisions", pct(accuracy(automatic)));
		row(md, "confidence >= " + rule.belowConfidence(),
				share(rows.stream().filter(r -> r.verdict().confidence() >= rule.belowConfidence()).count(),
						rows.size()));
		row(md, "errors", String.valueOf(errors.size()));
		row(md, "errors below the confidence threshold", belowThreshold + " of " + errors.size());
		row(md, "errors caught by review (any trigger)", caught + " of " + errors.size());
		List<Row> selfHarm = rows.stream().filter(r -> r.item().label() == Label.SELF_HARM).toList();
		row(md, "self-harm recall (labelled self-harm)",
				share(selfHarm.stream().filter(Row::correct).count(), selfHarm.size()));
		row(md, "self-harm recall to a person (labelled self-harm or reviewed)",
				share(selfHarm.stream().filter(r -> r.correct() || !r.automatic()).count(), selfHarm.size()));
		row(md, "mean latency per post (model warm)",
				String.format(Locale.ROOT, "%.2f ms", rows.stream().mapToLong(Row::nanos).average().orElse(0) / 1e6));
		Lexicon lexicon = Lexicon.load();
		List<Exemplars.Example> ruled = model.exemplars().examples().stream()
			.filter(e -> lexicon.screen(e.text()).isPresent()).toList();
		long ruledRight = ruled.stream()
			.filter(e -> lexicon.screen(e.text()).orElseThrow().rule().label() == e.label()).count();
		row(md, "rules rung on the training exemplars (decided, right)",
				ruled.size() + " of " + model.vectors().size() + ", " + ruledRight + " right");
		row(md, "start-up: embed exemplars and train", startupMillis + " ms (" + model.describe() + ")");

		md.append("\n## Share of traffic per rung\n\n| tier | share | accuracy |\n|---|---|---|\n");
		for (Tier tier : Tier.values()) {
			List<Row> decided = rows.stream().filter(r -> r.verdict().decidedBy().tier() == tier).toList();
			if (!decided.isEmpty()) {
				md.append("| ").append(tier.json()).append(" | ").append(share(decided.size(), rows.size()))
					.append(" | ").append(pct(accuracy(decided))).append(" |\n");
			}
		}

		md.append("\n## Per label\n\n| label | n | precision | recall | automatic | auto accuracy |\n"
				+ "|---|---|---|---|---|---|\n");
		for (Label label : Label.values()) {
			long truth = rows.stream().filter(r -> r.item().label() == label).count();
			List<Row> predicted = rows.stream().filter(r -> r.verdict().label() == label).toList();
			long hits = predicted.stream().filter(Row::correct).count();
			List<Row> auto = rows.stream().filter(r -> r.item().label() == label && r.automatic()).toList();
			md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", label.json(), truth,
					predicted.isEmpty() ? "-" : pct((double) hits / predicted.size()), pct((double) hits / truth),
					share(auto.size(), truth), auto.isEmpty() ? "-" : pct(accuracy(auto))));
		}

		md.append("\n## Calibration (confidence bins)\n\n| confidence | n | accuracy |\n|---|---|---|\n");
		double[] edges = { 0, 0.5, 0.7, 0.9, 0.97, 1.0001 };
		for (int b = 0; b + 1 < edges.length; b++) {
			double lo = edges[b];
			double hi = edges[b + 1];
			List<Row> bin = rows.stream().filter(r -> r.verdict().confidence() >= lo && r.verdict().confidence() < hi)
				.toList();
			md.append(String.format(Locale.ROOT, "| [%.2f, %.2f) | %d | %s |%n", lo, Math.min(hi, 1), bin.size(),
					bin.isEmpty() ? "-" : pct(accuracy(bin))));
		}

		md.append("\n## Confusion (rows: truth, columns: label given)\n\n| |");
		for (Label l : Label.values()) {
			md.append(' ').append(l.json()).append(" |");
		}
		md.append("\n|---|").append("---|".repeat(Label.values().length)).append('\n');
		for (Label truth : Label.values()) {
			md.append("| ").append(truth.json()).append(" |");
			for (Label given : Label.values()) {
				md.append(' ').append(rows.stream()
					.filter(r -> r.item().label() == truth && r.verdict().label() == given)
					.count()).append(" |");
			}
			md.append('\n');
		}

		List<Row> uncaught = errors.stream().filter(Row::automatic).toList();
		md.append("\n## Errors that no review trigger catches (").append(uncaught.size()).append(")\n\n");
		for (Row r : uncaught) {
			md.append(String.format(Locale.ROOT, "- truth %s, given %s at %.2f by %s: \"%s\"%n", r.item().label().json(),
					r.verdict().label().json(), r.verdict().confidence(), r.verdict().decidedBy().tier().json(),
					r.item().text()));
		}
		return md.toString();
	}

	/** The weak baseline: majority label of the k most similar exemplars. */
	private static double knnBaseline(SentenceEmbeddings embeddings, Exemplars eval) {
		Exemplars train = Exemplars.load(Exemplars.RESOURCE);
		List<float[]> vectors = embeddings.embedAll(train.texts());
		int correct = 0;
		for (Exemplars.Example item : eval.examples()) {
			float[] v = embeddings.embed(item.text());
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < vectors.size(); i++) {
				order.add(i);
			}
			order.sort(Comparator.comparingDouble(i -> -SentenceEmbeddings.cosine(v, vectors.get(i))));
			Map<Label, Integer> votes = new EnumMap<>(Label.class);
			for (int i : order.subList(0, KNN)) {
				votes.merge(train.examples().get(i).label(), 1, Integer::sum);
			}
			Label vote = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			correct += vote == item.label() ? 1 : 0;
		}
		return (double) correct / eval.examples().size();
	}

	private static double accuracy(List<Row> rows) {
		return rows.isEmpty() ? 0 : (double) rows.stream().filter(Row::correct).count() / rows.size();
	}

	private static void row(StringBuilder md, String measure, String value) {
		md.append("| ").append(measure).append(" | ").append(value).append(" |\n");
	}

	private static String pct(double value) {
		return String.format(Locale.ROOT, "%.1f%%", value * 100);
	}

	private static String share(long part, long whole) {
		return String.format(Locale.ROOT, "%d of %d (%.1f%%)", part, whole, whole == 0 ? 0 : 100.0 * part / whole);
	}
}
