package dev.daca.functions.triage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.SentenceEmbeddings;

/**
 * The symptoms a report mentions. First by lexicon ({@code triage/symptoms.yml}: phrases matched negation-aware,
 * microseconds); then, for the chunks of text no phrase explained, by the sentence-embedding model: each chunk is
 * compared with every symptom's plain-language descriptions, and the nearest symptom counts when it is similar
 * enough, with a strength that grows with the similarity ("my wee has gone cloudy and smells awful").
 */
final class SymptomLexicon {

	/** A chunk nearer than this to a symptom description counts as a mention of it. */
	static final double EMBEDDING_THRESHOLD = 0.58;

	/** A symptom the report mentions: how strongly (1 for a lexicon phrase), in which words, found how. */
	record Mention(String symptomId, String name, double strength, String words, boolean byEmbedding) {
	}

	record Symptom(String id, String name, List<String> phrases, List<String> lay) {

		Symptom {
			InvalidInput.require(id != null && name != null && phrases != null && !phrases.isEmpty(),
					"symptom needs id, name and phrases");
			lay = lay == null ? List.of() : List.copyOf(lay);
		}
	}

	record Spec(List<String> severity, List<Symptom> symptoms) {
	}

	/** What the lexicon found: the mentions, the words it explained (negated or not) and any severity words. */
	record Found(Map<String, Mention> mentions, BitSet explained, List<String> severity) {
	}

	private record Prototype(Symptom symptom, String text) {
	}

	private final List<Symptom> symptoms;

	private final Map<String, List<PhrasePattern>> phrases = new LinkedHashMap<>();

	private final List<PhrasePattern> severity;

	private final List<Prototype> prototypes = new ArrayList<>();

	SymptomLexicon(Spec spec) {
		this.symptoms = List.copyOf(spec.symptoms());
		for (Symptom symptom : symptoms) {
			phrases.put(symptom.id(), symptom.phrases().stream().map(PhrasePattern::of).toList());
			prototypes.add(new Prototype(symptom, symptom.name()));
			symptom.lay().forEach(text -> prototypes.add(new Prototype(symptom, text)));
		}
		this.severity = spec.severity().stream().map(PhrasePattern::of).toList();
	}

	static SymptomLexicon load(String resource) {
		try (InputStream in = SymptomLexicon.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return new SymptomLexicon(RedFlagRules.YAML.readValue(in, Spec.class));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
	}

	Set<String> ids() {
		return phrases.keySet();
	}

	String nameOf(String symptomId) {
		return symptoms.stream().filter(s -> s.id().equals(symptomId)).findFirst().map(Symptom::name).orElse(symptomId);
	}

	/** The lexicon pass. */
	Found find(SymptomText text) {
		BitSet explained = new BitSet(text.size());
		List<Map.Entry<Symptom, PhrasePattern.Match>> affirmed = new ArrayList<>();
		for (Symptom symptom : symptoms) {
			for (PhrasePattern phrase : phrases.get(symptom.id())) {
				for (PhrasePattern.Match match : phrase.matchAll(text)) {
					explained.set(match.start(), match.end() + 1);
					if (!match.negated()) {
						affirmed.add(Map.entry(symptom, match));
					}
				}
			}
		}
		// a match inside a longer match of another symptom is part of it: "stinging when I wee" is not a sting
		Map<String, Mention> mentions = new TreeMap<>();
		for (var entry : affirmed) {
			PhrasePattern.Match m = entry.getValue();
			boolean inside = affirmed.stream().anyMatch(o -> o.getKey() != entry.getKey()
					&& o.getValue().start() <= m.start() && o.getValue().end() >= m.end()
					&& o.getValue().end() - o.getValue().start() > m.end() - m.start());
			if (!inside) {
				Symptom symptom = entry.getKey();
				mentions.putIfAbsent(symptom.id(), new Mention(symptom.id(), symptom.name(), 1.0, m.words(), false));
			}
		}
		List<String> severe = new ArrayList<>();
		for (PhrasePattern phrase : severity) {
			phrase.affirmed(text).ifPresent(match -> severe.add(match.words()));
		}
		return new Found(mentions, explained, severe);
	}

	/**
	 * The chunks of text that no phrase explained and that are not negated: what the embedding pass looks at. A
	 * chunk needs at least two words to be worth embedding.
	 */
	static List<String> unexplainedChunks(SymptomText text, BitSet explained) {
		Map<Integer, int[]> spans = new LinkedHashMap<>();
		for (int i = 0; i < text.size(); i++) {
			spans.computeIfAbsent(text.chunk(i), c -> new int[] { -1, -1 });
			int[] span = spans.get(text.chunk(i));
			if (span[0] < 0) {
				span[0] = i;
			}
			span[1] = i;
		}
		List<String> chunks = new ArrayList<>();
		for (int[] span : spans.values()) {
			if (explained.get(span[0], span[1] + 1).cardinality() > 0 || span[1] - span[0] < 1) {
				continue;
			}
			boolean[] none = new boolean[span[1] - span[0] + 1];
			if (!text.negated(span[0], span[1], none, 7)) {
				chunks.add(text.words(span[0], span[1]));
			}
		}
		return chunks;
	}

	/** The embedding pass: mentions for chunks whose nearest symptom description is similar enough. */
	Map<String, Mention> byEmbedding(List<String> chunks, SentenceEmbeddings embeddings) {
		Map<String, Mention> mentions = new TreeMap<>();
		if (chunks.isEmpty()) {
			return mentions;
		}
		List<float[]> vectors = embeddings.embedAll(prototypes.stream().map(Prototype::text).toList());
		for (String chunk : chunks) {
			float[] v = embeddings.embed(chunk);
			double best = -1;
			Symptom nearest = null;
			for (int i = 0; i < prototypes.size(); i++) {
				double similarity = SentenceEmbeddings.cosine(v, vectors.get(i));
				if (similarity > best) {
					best = similarity;
					nearest = prototypes.get(i).symptom();
				}
			}
			if (nearest != null && best >= EMBEDDING_THRESHOLD) {
				double strength = Math.min(0.9, 0.5 + (best - EMBEDDING_THRESHOLD));
				Mention mention = new Mention(nearest.id(), nearest.name(), strength, chunk, true);
				mentions.merge(nearest.id(), mention, (a, b) -> a.strength() >= b.strength() ? a : b);
			}
		}
		return mentions;
	}

	/** Similarities of one chunk to every symptom (best description each), for calibration and tests. */
	Map<String, Double> similarities(String chunk, SentenceEmbeddings embeddings) {
		List<float[]> vectors = embeddings.embedAll(prototypes.stream().map(Prototype::text).toList());
		float[] v = embeddings.embed(chunk);
		Map<String, Double> result = new TreeMap<>();
		for (int i = 0; i < prototypes.size(); i++) {
			result.merge(prototypes.get(i).symptom().id(), SentenceEmbeddings.cosine(v, vectors.get(i)), Math::max);
		}
		return result;
	}
}
