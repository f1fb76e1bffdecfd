package dev.daca.functions.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.daca.functions.engine.InvalidInput;

/**
 * A lexicon phrase matched over {@link SymptomText}: words in order, each one exact ("chest"), a prefix
 * ("breath*") or alternatives ("arm|shoulder|jaw*"), with up to {@value #MAX_GAP} other words between two of them,
 * all in one clause and not across a comma. So "pain* chest" finds "crushing pain in my chest", and "cannot catch breath" finds "can't catch
 * my breath". A match is negated when a negation cue precedes it in its clause or sits in one of its gaps.
 */
final class PhrasePattern {

	static final int MAX_GAP = 3;

	private static final int NEGATION_WINDOW = 7;

	record Match(int start, int end, boolean negated, String words) {

		boolean overlaps(Match other) {
			return start <= other.end && other.start <= end;
		}
	}

	private final String source;

	private final String[][] alternatives;

	private PhrasePattern(String source, String[][] alternatives) {
		this.source = source;
		this.alternatives = alternatives;
	}

	static PhrasePattern of(String phrase) {
		String normalised = SymptomText.normalise(phrase).trim();
		InvalidInput.require(!normalised.isEmpty(), "empty lexicon phrase");
		String[] words = normalised.split("\\s+");
		String[][] alternatives = new String[words.length][];
		for (int i = 0; i < words.length; i++) {
			alternatives[i] = words[i].split("\\|");
		}
		return new PhrasePattern(phrase, alternatives);
	}

	String source() {
		return source;
	}

	/** Every match, earliest first; overlapping starts are reported once (the shortest from each start). */
	List<Match> matchAll(SymptomText text) {
		List<Match> matches = new ArrayList<>();
		for (int start = 0; start < text.size(); start++) {
			if (!matchesWord(0, text.word(start))) {
				continue;
			}
			int[] positions = new int[alternatives.length];
			positions[0] = start;
			if (extend(text, positions, 1)) {
				int end = positions[positions.length - 1];
				boolean[] own = new boolean[end - start + 1];
				for (int p : positions) {
					own[p - start] = true;
				}
				boolean negated = text.negated(start, end, own, NEGATION_WINDOW);
				matches.add(new Match(start, end, negated, text.words(start, end)));
			}
		}
		return matches;
	}

	/** The first match that is not negated, if any. */
	Optional<Match> affirmed(SymptomText text) {
		return matchAll(text).stream().filter(m -> !m.negated()).findFirst();
	}

	private boolean extend(SymptomText text, int[] positions, int k) {
		if (k == alternatives.length) {
			return true;
		}
		int previous = positions[k - 1];
		for (int i = previous + 1; i <= previous + 1 + MAX_GAP && i < text.size(); i++) {
			if (text.clause(i) != text.clause(previous) || text.commaBefore(i)) {
				return false;
			}
			if (matchesWord(k, text.word(i))) {
				positions[k] = i;
				if (extend(text, positions, k + 1)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean matchesWord(int k, String word) {
		for (String alternative : alternatives[k]) {
			if (alternative.endsWith("*") ? word.startsWith(alternative.substring(0, alternative.length() - 1))
					: word.equals(alternative)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return source + Arrays.deepToString(alternatives);
	}
}
