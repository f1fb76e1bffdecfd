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
 * Labelled example posts, one per line as {@code label<TAB>text}; lines starting with '#' are comments (the
 * licence header). The training set is {@code moderation/exemplars.tsv}.
 */
record Exemplars(List<Example> examples) {

	static final String RESOURCE = "moderation/exemplars.tsv";

	record Example(Label label, String text) {
	}

	Exemplars {
		examples = List.copyOf(examples);
	}

	static Exemplars load(String resource) {
		try (InputStream in = Exemplars.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + resource);
			}
			List<Example> examples = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int tab = line.indexOf('\t');
				if (tab < 0 || line.substring(tab + 1).isBlank()) {
					throw new IllegalStateException(resource + " line " + number + ": expected label<TAB>text");
				}
				examples.add(new Example(Label.of(line.substring(0, tab)), line.substring(tab + 1).trim()));
			}
			return new Exemplars(examples);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> texts() {
		return examples.stream().map(Example::text).toList();
	}
}
