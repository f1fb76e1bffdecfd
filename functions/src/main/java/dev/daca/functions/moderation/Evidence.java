package dev.daca.functions.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.daca.functions.engine.InvalidInput;

/**
 * What made the engine decide: a rule or lexicon cue that matched a span of the text ({@code start}..{@code end},
 * character offsets, end exclusive), or a training exemplar the post is close to ({@code similarity}, cosine).
 * @param kind {@code rule}, {@code cue} or {@code exemplar}
 * @param source the rule id, cue id, or the exemplar's label
 * @param matched the matched text, or the exemplar's text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String kind, String source, String matched, Integer start, Integer end, Double similarity) {

	public Evidence {
		InvalidInput.require(kind != null && !kind.isBlank(), "evidence.kind is required");
		InvalidInput.require(source != null && !source.isBlank(), "evidence.source is required");
		InvalidInput.require(matched != null, "evidence.matched is required");
	}

	static Evidence span(String kind, String source, String text, int start, int end) {
		return new Evidence(kind, source, text.substring(start, end), start, end, null);
	}

	static Evidence exemplar(Label label, String text, double similarity) {
		return new Evidence("exemplar", label.json(), text, null, null, Math.round(similarity * 1000) / 1000.0);
	}
}
