package dev.daca.functions.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules rung: a lexicon of patterns read from {@code moderation/lexicon.tsv}. Four kinds of entry:
 * <ul>
 * <li>{@code always}: decides the label at once (explicit self-harm statements: a person always looks anyway);</li>
 * <li>{@code certain}: decides the label at once unless a {@code defer} entry matches too (quotes, reporting,
 * jokes), in which case the embedding rung decides;</li>
 * <li>{@code defer}: marks text the rules must not be sure about;</li>
 * <li>{@code cue}: a weak per-label signal, never decisive, fed to the classifier as a feature.</li>
 * </ul>
 * A rule's pattern may be several regular expressions joined by {@code " && "}: all must match (spam is a link
 * and money and urgency). Immutable and thread-safe.
 */
final class Lexicon {

	static final String RESOURCE = "moderation/lexicon.tsv";

	private final List<Entry> rules;

	private final List<Entry> cues;

	private final List<Pattern> defers;

	private Lexicon(List<Entry> rules, List<Entry> cues, List<Pattern> defers) {
		this.rules = List.copyOf(rules);
		this.cues = List.copyOf(cues);
		this.defers = List.copyOf(defers);
	}

	/** One line of the lexicon. {@code severity} and {@code confidence} matter only for rules. */
	record Entry(String kind, Label label, Severity severity, double confidence, String id, List<Pattern> patterns) {
	}

	/** A rule that decided, with the spans that made it. */
	record RuleHit(Entry rule, List<Evidence> evidence) {
	}

	static Lexicon load() {
		return parse(DataLines.read(RESOURCE));
	}

	static Lexicon parse(DataLines data) {
		List<Entry> rules = new ArrayList<>();
		List<Entry> cues = new ArrayList<>();
		List<Pattern> defers = new ArrayList<>();
		for (DataLines.Line line : data.lines()) {
			String[] cols = line.text().split("\t");
			if (cols.length != 6) {
				throw data.error(line, "expected 6 tab-separated columns");
			}
			List<Pattern> patterns = new ArrayList<>();
			for (String regex : cols[5].split(" && ")) {
				patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
			}
			switch (cols[0]) {
				case "defer" -> defers.addAll(patterns);
				case "cue" -> cues.add(new Entry("cue", Label.of(cols[1]), null, 0, cols[4], patterns));
				case "certain", "always" -> rules.add(new Entry(cols[0], Label.of(cols[1]), Severity.of(cols[2]),
						Double.parseDouble(cols[3]), cols[4], patterns));
				default -> throw data.error(line, "unknown kind " + cols[0]);
			}
		}
		return new Lexicon(rules, cues, defers);
	}

	/** How many rules, cues and defer patterns this lexicon holds. */
	Classify.LexiconSize size() {
		return new Classify.LexiconSize(rules.size(), cues.size(), defers.size());
	}

	/** The first rule that decides this text, if any: {@code always} rules first, then {@code certain} ones. */
	Optional<RuleHit> screen(String text) {
		boolean deferred = defers.stream().anyMatch(p -> p.matcher(text).find());
		for (String kind : List.of("always", "certain")) {
			if (kind.equals("certain") && deferred) {
				break;
			}
			for (Entry rule : rules) {
				if (rule.kind().equals(kind)) {
					List<Evidence> spans = allMatch(rule, "rule", text);
					if (!spans.isEmpty()) {
						return Optional.of(new RuleHit(rule, spans));
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The cues that match, as evidence (source = cue id); their labels are the classifier's lexicon features. */
	List<Evidence> cues(String text) {
		List<Evidence> hits = new ArrayList<>();
		for (Entry cue : cues) {
			hits.addAll(allMatch(cue, "cue", text));
		}
		return hits;
	}

	/** Per label, 1 when a cue of that label matches, else 0 (indexed by {@link Label#ordinal()}). */
	double[] cueFeatures(String text) {
		double[] features = new double[Label.values().length];
		for (Entry cue : cues) {
			if (features[cue.label().ordinal()] == 0 && !allMatch(cue, "cue", text).isEmpty()) {
				features[cue.label().ordinal()] = 1;
			}
		}
		return features;
	}

	private static List<Evidence> allMatch(Entry entry, String kind, String text) {
		List<Evidence> spans = new ArrayList<>();
		for (Pattern pattern : entry.patterns()) {
			Matcher m = pattern.matcher(text);
			if (!m.find()) {
				return List.of();
			}
			spans.add(Evidence.span(kind, entry.id(), text, m.start(), m.end()));
		}
		return spans;
	}
}
