package dev.daca.functions.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The phrases of {@code home/lexicon.yml}: verbs, negations, devices and rooms, each phrase mapped to its canonical
 * name. Reading a clause finds rooms first, then verbs, then devices, longest phrase first, and masks what it found,
 * so "front door" gives room {@code front} and device {@code door}, and "lights in the garage" is not the garage door.
 */
record CommandLexicon(Map<String, List<String>> verbs, List<String> negations, Map<String, List<String>> devices,
		Map<String, List<String>> rooms) {

	private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(-?\\d{1,3}(?:\\.\\d)?)(?![\\w.])");

	static CommandLexicon shipped() {
		try (InputStream in = CommandLexicon.class.getClassLoader().getResourceAsStream("home/lexicon.yml")) {
			return new ObjectMapper(new YAMLFactory()).readValue(in, CommandLexicon.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What one clause of a command says, in canonical names, in the order the words appear. */
	record Clause(String text, boolean negated, List<String> verbs, List<String> devices, List<String> rooms,
			Double number) {
	}

	static String normalise(String text) {
		String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
		t = t.replaceAll("[^a-z0-9'/.\\- ]", " ").replaceAll("(?<!\\d)\\.|\\.(?!\\d)", " ");
		return " " + t.replaceAll("\\s+", " ").trim() + " ";
	}

	Clause read(String text) {
		StringBuilder masked = new StringBuilder(normalise(text));
		boolean negated = negations.stream().anyMatch(n -> masked.indexOf(" " + n + " ") >= 0);
		List<String> foundRooms = find(masked, rooms);
		List<String> foundVerbs = find(masked, verbs);
		List<String> foundDevices = find(masked, devices);
		Matcher m = NUMBER.matcher(masked);
		Double number = m.find() ? Double.valueOf(m.group(1)) : null;
		return new Clause(text.trim(), negated, foundVerbs, foundDevices, foundRooms, number);
	}

	/** Whether the text holds any verb of the lexicon (used to split commands into clauses). */
	boolean hasVerb(String text) {
		return !find(new StringBuilder(normalise(text)), verbs).isEmpty();
	}

	private static List<String> find(StringBuilder text, Map<String, List<String>> table) {
		record Phrase(String canonical, String words) {
		}
		List<Phrase> phrases = new ArrayList<>();
		table.forEach((canonical, words) -> words.forEach(w -> phrases.add(new Phrase(canonical, w))));
		phrases.sort(Comparator.comparingInt((Phrase p) -> p.words().length()).reversed());
		record Hit(String canonical, int at) {
		}
		List<Hit> hits = new ArrayList<>();
		for (Phrase p : phrases) {
			String needle = " " + p.words() + " ";
			for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle)) {
				hits.add(new Hit(p.canonical(), i));
				for (int j = i + 1; j < i + needle.length() - 1; j++) {
					text.setCharAt(j, '_');
				}
			}
		}
		return hits.stream().sorted(Comparator.comparingInt(Hit::at)).map(Hit::canonical).distinct().toList();
	}
}
