package dev.daca.functions.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient's free text, normalised (lower case, contractions expanded: "can't" becomes "cannot", "won't" becomes
 * "will not") and cut into words and clauses. Clauses end at sentence punctuation and at contrast words ("but",
 * "however"), because a negation ("no chest pain but ...") never reaches past them.
 */
final class SymptomText {

	/** Words that negate what follows them in the same clause (NegEx-style, pre-negation). */
	private static final Set<String> NEGATION_CUES = Set.of("no", "not", "denies", "denied", "deny", "denying",
			"without", "never", "nor", "negative", "none", "absent");

	/** Phrases that start with a negation cue but negate nothing ("not sure", "will not stop"). */
	private static final Set<String> PSEUDO_NEGATIONS = Set.of("not sure", "not know", "no idea", "not stop",
			"not go", "not getting", "not better", "no better", "not improving", "not improve", "not able",
			"not certain", "not only", "not just", "not want", "no matter", "not even");

	/** After "and"/"with", these start a new statement that a negation before them does not reach. */
	private static final Set<String> NEW_SUBJECT = Set.of("i", "im", "my", "he", "hes", "she", "shes", "his", "her",
			"it", "its", "they", "their", "we", "the", "now", "then", "also", "yet", "since");

	private static final Set<String> CLAUSE_WORDS = Set.of("but", "however", "although", "though", "except",
			"apart", "whereas");

	/** Words that start a new chunk (one symptom statement) without ending the clause. */
	private static final Set<String> CHUNK_WORDS = Set.of("and", "with", "also", "plus", "then", "or");

	private static final Pattern WORD = Pattern.compile("[a-z0-9]+|[.;!?,:()\\n]");

	/** A word, the clause it is in (negation scope) and its chunk (what the embedding model compares). */
	record Token(String text, int clause, int chunk) {
	}

	private final List<Token> tokens;

	private SymptomText(List<Token> tokens) {
		this.tokens = tokens;
	}

	static SymptomText of(String raw) {
		String text = normalise(raw);
		List<Token> tokens = new ArrayList<>();
		int clause = 0;
		int chunk = 0;
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			String word = m.group();
			if (word.length() == 1 && ",:()".contains(word)) {
				chunk++;
				continue;
			}
			if ((word.length() == 1 && ".;!?\n".contains(word)) || CLAUSE_WORDS.contains(word)) {
				clause++;
				chunk++;
				continue;
			}
			if (CHUNK_WORDS.contains(word)) {
				chunk++;
			}
			tokens.add(new Token(word, clause, chunk));
		}
		return new SymptomText(List.copyOf(tokens));
	}

	static String normalise(String raw) {
		String text = raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
		text = text.replaceAll("\\bcan'?t\\b", "cannot")
			.replaceAll("\\bwon'?t\\b", "will not")
			.replaceAll("\\bain'?t\\b", "is not")
			.replaceAll("(\\w)n't\\b", "$1 not")
			.replace("'", "")
			.replace("-", " ");
		// spelling variants that the lexicons write one way
		return text.replaceAll("diarrh(o)?ea", "diarrhea").replaceAll("\\bvomm?it", "vomit");
	}

	List<Token> tokens() {
		return tokens;
	}

	int size() {
		return tokens.size();
	}

	String word(int i) {
		return tokens.get(i).text();
	}

	int clause(int i) {
		return tokens.get(i).clause();
	}

	int chunk(int i) {
		return tokens.get(i).chunk();
	}

	/** The words from {@code from} to {@code to} inclusive, joined by spaces. */
	String words(int from, int to) {
		StringBuilder sb = new StringBuilder();
		for (int i = from; i <= to; i++) {
			if (i > from) {
				sb.append(' ');
			}
			sb.append(word(i));
		}
		return sb.toString();
	}

	static boolean isNegationCue(String word) {
		return NEGATION_CUES.contains(word);
	}

	/**
	 * Whether the span {@code [start, end]} is negated: a negation cue precedes it in the same clause within
	 * {@code window} words (and no new statement starts in between), or sits in a gap inside the span itself
	 * ({@code inside} marks the span's own pattern words, which are never cues).
	 */
	boolean negated(int start, int end, boolean[] patternWord, int window) {
		for (int i = start; i <= end; i++) {
			if (!patternWord[i - start] && isCue(i)) {
				return true;
			}
		}
		int clause = clause(start);
		for (int i = start - 1; i >= 0 && i >= start - window && clause(i) == clause; i--) {
			if (startsNewStatement(i) || endsNegatedList(i + 1)) {
				return false;
			}
			if (isCue(i)) {
				return true;
			}
		}
		return false;
	}

	private boolean startsNewStatement(int i) {
		String w = word(i);
		boolean afterComma = i > 0 && chunk(i) != chunk(i - 1) && !CHUNK_WORDS.contains(w);
		return ((w.equals("and") || w.equals("with") || w.equals("so") || w.equals("because"))
				&& i + 1 < size() && NEW_SUBJECT.contains(word(i + 1))) || (afterComma && NEW_SUBJECT.contains(w));
	}

	/**
	 * Whether a negation stops at the comma before word {@code i}: a negated list goes on past a comma only when an
	 * "or"/"nor" follows in the clause ("no fever, cough or rash"), not in "no blood, vomiting and diarrhoea".
	 */
	/** Whether a comma (or colon, bracket) stands right before word {@code i}. */
	boolean commaBefore(int i) {
		return i > 0 && i < size() && chunk(i) != chunk(i - 1) && clause(i) == clause(i - 1)
				&& !CHUNK_WORDS.contains(word(i));
	}

	private boolean endsNegatedList(int i) {
		if (!commaBefore(i)) {
			return false;
		}
		for (int j = i; j < size() && clause(j) == clause(i); j++) {
			if (word(j).equals("or") || word(j).equals("nor")) {
				return false;
			}
		}
		return true;
	}

	private boolean isCue(int i) {
		String w = word(i);
		if (w.equals("free") && i + 1 < size() && word(i + 1).equals("of")) {
			return true;
		}
		if (!NEGATION_CUES.contains(w)) {
			return false;
		}
		if (i + 1 < size()) {
			String next = word(i + 1);
			if (PSEUDO_NEGATIONS.contains(w + " " + next)) {
				return false;
			}
			// "does not seem to stop", "will not ever go away"
			if (i + 2 < size() && PSEUDO_NEGATIONS.contains(w + " " + word(i + 2))) {
				return false;
			}
		}
		return true;
	}
}
