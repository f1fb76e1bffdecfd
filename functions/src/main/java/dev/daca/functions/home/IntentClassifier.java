package dev.daca.functions.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.daca.functions.engine.SentenceEmbeddings;

/**
 * The EMBEDDING tier for commands: the nearest intent of {@code home/intents.yml} (an intent scores the highest
 * cosine between the command and its exemplars), among the intents that fit what the lexicon did read (see
 * {@link #fitting}). Its confidence is calibrated on the exemplars themselves, leave one out: each exemplar the rule
 * parser could not read (only those reach this tier) is classified against all the others, and the confidence for a margin (best intent score minus
 * the second best) is the smoothed share of correct leave-one-out answers with at least that margin (made
 * non-decreasing in the margin). A command far from every exemplar (best cosine under {@link #FLOOR}) is capped at
 * {@link #FAR_CAP}: the exemplars say nothing about it.
 */
final class IntentClassifier {

	static final double FLOOR = 0.40;

	static final double FAR_CAP = 0.30;

	static final double[] MARGIN_EDGES = { 0.0, 0.02, 0.04, 0.07, 0.10, 0.15, 0.20 };

	record Intent(String name, String verb, String device, List<String> exemplars) {
	}

	/** The best intent, its calibrated confidence, and every intent's score, best first. */
	record Guess(Intent intent, double similarity, double margin, double confidence, List<Scored> ranking) {
	}

	record Scored(Intent intent, double similarity) {
	}

	private record Exemplar(Intent intent, String text, float[] vector) {
	}

	private final SentenceEmbeddings embeddings;

	private final CommandParser parser;

	private final List<Intent> intents;

	private final List<Exemplar> exemplars = new ArrayList<>();

	private final double[] calibrated = new double[MARGIN_EDGES.length];

	IntentClassifier(SentenceEmbeddings embeddings, CommandParser parser, List<Intent> intents) {
		this.embeddings = embeddings;
		this.parser = parser;
		this.intents = List.copyOf(intents);
	}

	static List<Intent> shippedIntents() {
		try (InputStream in = IntentClassifier.class.getClassLoader().getResourceAsStream("home/intents.yml")) {
			Map<String, Map<String, Object>> raw = new ObjectMapper(new YAMLFactory()).readValue(in,
					new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {
					});
			List<Intent> intents = new ArrayList<>();
			raw.forEach((name, body) -> intents.add(new Intent(name, (String) body.get("verb"),
					(String) body.get("device"), ((List<?>) body.get("exemplars")).stream().map(String::valueOf)
						.toList())));
			return intents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Embed the exemplars and calibrate, once; later calls return at once. */
	synchronized void prepare() {
		if (!exemplars.isEmpty()) {
			return;
		}
		List<String> texts = new ArrayList<>();
		List<Intent> owners = new ArrayList<>();
		intents.forEach(i -> i.exemplars().forEach(e -> {
			texts.add(e);
			owners.add(i);
		}));
		List<float[]> vectors = embeddings.embedAll(texts);
		List<Exemplar> all = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			all.add(new Exemplar(owners.get(i), texts.get(i), vectors.get(i)));
		}
		int[] correct = new int[MARGIN_EDGES.length];
		int[] total = new int[MARGIN_EDGES.length];
		for (Exemplar held : all) {
			CommandLexicon.Clause clause = parser.lexicon().read(held.text());
			if (parser.steps(clause).isPresent()) {
				continue; // the rule parser reads this one: the embedding tier would never see it
			}
			List<Exemplar> others = restrict(all.stream().filter(e -> e != held).toList(), fitting(clause));
			Scores s = score(held.vector(), others);
			for (int b = 0; b < MARGIN_EDGES.length; b++) {
				if (s.margin() >= MARGIN_EDGES[b]) {
					total[b]++;
					correct[b] += s.best() == held.intent() ? 1 : 0;
				}
			}
		}
		double running = 0;
		for (int b = 0; b < MARGIN_EDGES.length; b++) {
			running = Math.max(running, (correct[b] + 1.0) / (total[b] + 2.0));
			calibrated[b] = running;
		}
		exemplars.addAll(all);
	}

	/** The confidence the calibration gives each margin bin (for the evaluation report). */
	double[] calibration() {
		prepare();
		return calibrated.clone();
	}

	Guess classify(String text) {
		prepare();
		Scores s = score(embeddings.embed(text), restrict(exemplars, fitting(parser.lexicon().read(text))));
		int bin = 0;
		while (bin + 1 < MARGIN_EDGES.length && s.margin() >= MARGIN_EDGES[bin + 1]) {
			bin++;
		}
		double confidence = s.similarity() < FLOOR ? Math.min(FAR_CAP, calibrated[bin]) : calibrated[bin];
		return new Guess(s.best(), s.similarity(), s.margin(), confidence, s.ranking());
	}

	/**
	 * What the rule parser did read narrows the intents: a device it found must be the intent's device, a verb it
	 * found must fit the intent's action ({@link CommandParser#canonical}). A condition that would rule out every
	 * intent is dropped. The calibration runs the same narrowing on each held-out exemplar.
	 */
	private Predicate<Intent> fitting(CommandLexicon.Clause clause) {
		Predicate<Intent> device = i -> clause.devices().contains(i.device());
		Predicate<Intent> verb = i -> clause.verbs().stream().anyMatch(v -> CommandParser.canonical(v, i.device(),
				20.0).map(step -> step.verb().equals(i.verb()) && step.device().equals(i.device())).orElse(false));
		Predicate<Intent> both = device.and(verb);
		boolean hasDevice = !clause.devices().isEmpty() && intents.stream().anyMatch(device);
		boolean hasVerb = !clause.verbs().isEmpty() && intents.stream().anyMatch(verb);
		if (hasDevice && hasVerb && intents.stream().anyMatch(both)) {
			return both;
		}
		return hasDevice ? device : hasVerb ? verb : i -> true;
	}

	private static List<Exemplar> restrict(List<Exemplar> exemplars, Predicate<Intent> fits) {
		List<Exemplar> kept = exemplars.stream().filter(e -> fits.test(e.intent())).toList();
		return kept.isEmpty() ? exemplars : kept;
	}

	private record Scores(Intent best, double similarity, double margin, List<Scored> ranking) {
	}

	private static Scores score(float[] vector, List<Exemplar> against) {
		Map<Intent, Double> byIntent = new LinkedHashMap<>();
		for (Exemplar e : against) {
			byIntent.merge(e.intent(), SentenceEmbeddings.cosine(vector, e.vector()), Math::max);
		}
		Intent best = null;
		double first = -1;
		double second = -1;
		for (Map.Entry<Intent, Double> entry : byIntent.entrySet()) {
			if (entry.getValue() > first) {
				second = first;
				first = entry.getValue();
				best = entry.getKey();
			}
			else if (entry.getValue() > second) {
				second = entry.getValue();
			}
		}
		List<Scored> ranking = byIntent.entrySet().stream().map(e -> new Scored(e.getKey(), e.getValue()))
			.sorted(java.util.Comparator.comparingDouble(Scored::similarity).reversed()).toList();
		return new Scores(best, first, first - Math.max(second, 0), ranking);
	}
}
