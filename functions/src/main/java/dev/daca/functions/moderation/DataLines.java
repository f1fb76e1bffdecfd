package dev.daca.functions.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The content lines of one of the moderation data files on the classpath (tab-separated text): blank lines and
 * lines starting with '#' (the licence header, comments) are skipped; each line keeps its number for error messages.
 */
record DataLines(String resource, List<Line> lines) {

	record Line(int number, String text) {
	}

	DataLines {
		lines = List.copyOf(lines);
	}

	static DataLines read(String resource) {
		try (InputStream in = DataLines.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + resource);
			}
			return read(resource, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The content lines of any source of the same format (a file or URL the lexicon is refreshed from). */
	static DataLines read(String name, InputStream in) {
		try {
			List<Line> lines = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String text;
			int number = 0;
			while ((text = reader.readLine()) != null) {
				number++;
				if (!text.isBlank() && !text.startsWith("#")) {
					lines.add(new Line(number, text));
				}
			}
			return new DataLines(name, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A data error, naming the file and line. */
	IllegalStateException error(Line line, String message) {
		return new IllegalStateException(resource + " line " + line.number() + ": " + message);
	}
}
