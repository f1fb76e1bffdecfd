package dev.daca.functions.triage;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long symptoms have lasted, read from free text: "3 days", "two weeks", "a couple of hours", "since yesterday",
 * "last night". In the symptoms text itself only phrases anchored by "for", "since", "past", "ago" and the like
 * count ("fever for 5 days"), so "twice a day" is not read as a duration. Also reads an infant's age in months
 * ("6 week old", "newborn").
 */
final class ReportedDuration {

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
			Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
			Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
			Map.entry("couple", 2), Map.entry("few", 3), Map.entry("several", 4));

	private static final String AMOUNT = "(\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
			+ "|twelve|couple|few|several)";

	private static final String UNIT = "(minute|min|hour|hr|day|night|week|fortnight|month|year)s?";

	private static final Pattern AMOUNT_UNIT = Pattern.compile("\\b" + AMOUNT + "(?: of)? " + UNIT + "\\b");

	private static final Pattern ANCHORED = Pattern.compile("\\b(?:for|since|past|last|over|about|around|nearly"
			+ "|almost|the last|the past)(?: (?:the|a|about|around|nearly|almost|over))? " + AMOUNT + "(?: of)? " + UNIT
			+ "\\b|\\b" + AMOUNT + "(?: of)? " + UNIT + " (?:ago|now|running|straight)\\b");

	private static final Pattern AGE_IN_UNITS = Pattern.compile("\\b" + AMOUNT + "[ -](day|week|month)s?[ -]old\\b");

	private ReportedDuration() {
	}

	/** The duration field: any amount and unit, or a relative day ("since yesterday"). */
	static Optional<Duration> of(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.toLowerCase(Locale.ROOT);
		Matcher m = AMOUNT_UNIT.matcher(t);
		if (m.find()) {
			return Optional.of(amount(m.group(1), m.group(2)));
		}
		return relative(t);
	}

	/** A duration stated inside the symptoms text, only when anchored ("for 5 days", "2 weeks ago"). */
	static Optional<Duration> inSymptoms(String symptoms) {
		String t = symptoms.toLowerCase(Locale.ROOT);
		Matcher m = ANCHORED.matcher(t);
		if (m.find()) {
			return m.group(1) != null ? Optional.of(amount(m.group(1), m.group(2)))
					: Optional.of(amount(m.group(3), m.group(4)));
		}
		return relative(t);
	}

	/** An infant's age in months when the text states it in days, weeks or months ("6 week old"); 0 for newborn. */
	static OptionalInt infantMonths(String symptoms) {
		String t = symptoms.toLowerCase(Locale.ROOT);
		if (t.matches("(?s).*\\bnew ?born\\b.*")) {
			return OptionalInt.of(0);
		}
		Matcher m = AGE_IN_UNITS.matcher(t);
		if (m.find()) {
			Duration age = amount(m.group(1), m.group(2));
			long months = age.toDays() / 30;
			return months < 12 ? OptionalInt.of((int) months) : OptionalInt.empty();
		}
		return OptionalInt.empty();
	}

	private static Optional<Duration> relative(String t) {
		if (t.contains("yesterday") || t.contains("last night")) {
			return Optional.of(Duration.ofDays(1));
		}
		if (t.contains("this morning") || t.contains("today") || t.contains("tonight")) {
			return Optional.of(Duration.ofHours(6));
		}
		if (t.contains("last week")) {
			return Optional.of(Duration.ofDays(7));
		}
		if (t.contains("last month")) {
			return Optional.of(Duration.ofDays(30));
		}
		return Optional.empty();
	}

	private static Duration amount(String amount, String unit) {
		double n = NUMBERS.containsKey(amount) ? NUMBERS.get(amount) : Double.parseDouble(amount);
		double hours = switch (unit.startsWith("min") ? "minute" : unit.startsWith("h") ? "hour" : unit) {
			case "minute" -> n / 60;
			case "hour" -> n;
			case "day", "night" -> n * 24;
			case "week" -> n * 24 * 7;
			case "fortnight" -> n * 24 * 14;
			case "month" -> n * 24 * 30;
			default -> n * 24 * 365;
		};
		return Duration.ofMinutes(Math.round(hours * 60));
	}
}
