package dev.daca.functions.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;

/**
 * The {@code classify} function: a post in, a {@link ModerationVerdict} out, decided on the cheapest rung that is
 * sure enough.
 * <ol>
 * <li>Rules: the {@link Lexicon} decides explicit cases (threats, dehumanising statements, link spam, explicit
 * self-harm statements) in microseconds.</li>
 * <li>Embedding: a softmax classifier over the post's sentence embedding plus lexicon cue features, trained on the
 * labelled exemplars once (on first use) and calibrated by temperature scaling on cross-validated predictions.
 * Self-harm is decided cost-sensitively: whenever its probability reaches {@link #SELF_HARM_FLOOR} the label is
 * self-harm, because a false alarm costs a moderator a look and a miss may cost a life.</li>
 * <li>LLM: when configured and the embedded confidence is below its threshold, the model is asked for a
 * {@link ModerationAnswer}; on failure the embedded verdict stands with the reason. Self-harm verdicts are never
 * escalated: the review policy sends every one of them to a person.</li>
 * </ol>
 * Thread-safe: the trained model is immutable and built once.
 */
public class Classify implements Function<Post, ModerationVerdict> {

	/** The self-harm probability from which the embedded rung labels a post self-harm. */
	static final double SELF_HARM_FLOOR = 0.15;

	static final String METHOD = "softmax(minilm-l6-v2 + lexicon cues), temperature-calibrated";

	static final String INSTRUCTIONS = """
			You are a content moderator for a social network. Classify the user's post into exactly one label:
			safe, spam, harassment, hate, sexual, violence, self-harm.
			harassment: insults or threats aimed at a person; hate: attacks on a group for a protected attribute;
			violence: threats, incitement or glorification of violence; self-harm: the author signals suicide or
			self-injury; spam: unsolicited promotion or scams; sexual: explicit sexual content or solicitation.
			Benign uses of violent words (sport, workouts, games), news reporting and quoting in order to condemn
			are safe. Answer with the label, a severity (none, low, medium, high, critical; none only for safe),
			your confidence in [0,1] and a one-sentence rationale.""";

	private final SentenceEmbeddings embeddings;

	private final LanguageModelEscalation llm;

	private final DecisionMeter meter;

	private volatile Lexicon lexicon;

	private final Exemplars exemplars;

	private volatile Model model;

	public Classify(SentenceEmbeddings embeddings, LanguageModelEscalation llm, DecisionMeter meter) {
		this(embeddings, llm, meter, Lexicon.load(), Exemplars.load(Exemplars.RESOURCE));
	}

	Classify(SentenceEmbeddings embeddings, LanguageModelEscalation llm, DecisionMeter meter, Lexicon lexicon,
			Exemplars exemplars) {
		this.embeddings = embeddings;
		this.llm = llm;
		this.meter = meter;
		this.lexicon = lexicon;
		this.exemplars = exemplars;
	}

	@Override
	public ModerationVerdict apply(Post post) {
		InvalidInput.require(post != null, "a post is required");
		ModerationVerdict verdict = decide(post);
		meter.record(ModerationVerdict.FUNCTION, verdict.decidedBy());
		return verdict;
	}

	private ModerationVerdict decide(Post post) {
		var hit = lexicon.screen(post.text());
		if (hit.isPresent()) {
			Lexicon.Entry rule = hit.get().rule();
			return new ModerationVerdict(post.postId(), rule.label(), List.of(new LabelScore(rule.label(),
					rule.confidence())), rule.severity(), rule.confidence(), "rule " + rule.id() + " matched",
					hit.get().evidence(), DecidedBy.rules("lexicon " + rule.id()));
		}
		ModerationVerdict embedded = embedded(post);
		if (embedded.label() != Label.SELF_HARM && llm.wants(embedded.confidence())) {
			return llm.ask(INSTRUCTIONS, post.text(), ModerationAnswer.class,
					answer -> answer.toVerdict(embedded, llm.decidedBy()),
					reason -> embedded.withDecidedBy(embedded.decidedBy().fellBackBecause(reason)));
		}
		return embedded;
	}

	private ModerationVerdict embedded(Post post) {
		Model m = model();
		float[] vector = embeddings.embed(post.text());
		double[] p = m.classifier().probabilities(features(vector, lexicon.cueFeatures(post.text())));
		Label[] labels = Label.values();
		int best = SoftmaxClassifier.argmax(p);
		Label label = labels[best];
		String rationale;
		if (label != Label.SELF_HARM && p[Label.SELF_HARM.ordinal()] >= SELF_HARM_FLOOR) {
			rationale = String.format(Locale.ROOT, "self-harm probability %.2f reaches the %.2f floor (most likely "
					+ "%s at %.2f): a person must look", p[Label.SELF_HARM.ordinal()], SELF_HARM_FLOOR, label.json(),
					p[best]);
			label = Label.SELF_HARM;
		}
		else {
			rationale = String.format(Locale.ROOT, "closest to the %s exemplars (p=%.2f)", label.json(), p[best]);
		}
		List<LabelScore> scores = new ArrayList<>();
		for (Label l : labels) {
			scores.add(new LabelScore(l, p[l.ordinal()]));
		}
		scores.sort(Comparator.comparingDouble(LabelScore::score).reversed());
		List<Evidence> evidence = new ArrayList<>(lexicon.cues(post.text()));
		evidence.addAll(m.nearest(vector, label, 2));
		return new ModerationVerdict(post.postId(), label, scores, Severity.of(label), p[label.ordinal()], rationale,
				evidence, DecidedBy.embedding(METHOD));
	}

	/** The size of a lexicon: its decisive rules, its cues and its defer patterns. */
	public record LexiconSize(int rules, int cues, int defers) {
	}

	/**
	 * Replace the lexicon without a restart (the nightly refresh). The new lexicon is parsed first (a bad line throws
	 * and the current lexicon stays); the embedding rung is retrained on it, because the lexicon's cues are features of
	 * that classifier; then both are swapped in.
	 */
	public LexiconSize reloadLexicon(String name, java.io.InputStream tsv) {
		Lexicon fresh = Lexicon.parse(DataLines.read(name, tsv));
		Model retrained = Model.train(embeddings, fresh, exemplars);
		synchronized (this) {
			lexicon = fresh;
			model = retrained;
		}
		return fresh.size();
	}

	/** The trained embedding rung: built once, on first use (the embedding model loads then too). */
	Model model() {
		Model m = model;
		if (m == null) {
			synchronized (this) {
				m = model;
				if (m == null) {
					m = Model.train(embeddings, lexicon, exemplars);
					model = m;
				}
			}
		}
		return m;
	}

	private static double[] features(float[] vector, double[] cues) {
		double[] x = new double[vector.length + cues.length];
		for (int i = 0; i < vector.length; i++) {
			x[i] = vector[i];
		}
		System.arraycopy(cues, 0, x, vector.length, cues.length);
		return x;
	}

	/** The classifier and the exemplar vectors (for evidence), with what training measured. */
	record Model(SoftmaxClassifier classifier, Exemplars exemplars, List<float[]> vectors, long trainingMillis) {

		static Model train(SentenceEmbeddings embeddings, Lexicon lexicon, Exemplars exemplars) {
			List<float[]> vectors = embeddings.embedAll(exemplars.texts());
			long start = System.nanoTime();
			double[][] x = new double[vectors.size()][];
			int[] y = new int[vectors.size()];
			for (int i = 0; i < x.length; i++) {
				Exemplars.Example example = exemplars.examples().get(i);
				x[i] = features(vectors.get(i), lexicon.cueFeatures(example.text()));
				y[i] = example.label().ordinal();
			}
			SoftmaxClassifier classifier = SoftmaxClassifier.train(x, y, Label.values().length,
					SoftmaxClassifier.Settings.defaults());
			return new Model(classifier, exemplars, List.copyOf(vectors), (System.nanoTime() - start) / 1_000_000);
		}

		List<Evidence> nearest(float[] vector, Label label, int count) {
			List<Evidence> found = new ArrayList<>();
			for (int i = 0; i < vectors.size(); i++) {
				Exemplars.Example example = exemplars.examples().get(i);
				if (example.label() == label) {
					found.add(Evidence.exemplar(label, example.text(), SentenceEmbeddings.cosine(vector, vectors.get(i))));
				}
			}
			found.sort(Comparator.comparingDouble(Evidence::similarity).reversed());
			return found.subList(0, Math.min(count, found.size()));
		}

		String describe() {
			return String.format(Locale.ROOT, "%d exemplars, 5-fold cross-validated accuracy %.3f, temperature %.2f, "
					+ "trained in %d ms", vectors.size(), classifier.crossValidatedAccuracy(), classifier.temperature(),
					trainingMillis);
		}
	}
}
