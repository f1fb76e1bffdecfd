package dev.daca.functions.moderation;

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
		DataLines data = DataLines.read(resource);
		List<Example> examples = new ArrayList<>();
		for (DataLines.Line line : data.lines()) {
			int tab = line.text().indexOf('\t');
			if (tab < 0 || line.text().substring(tab + 1).isBlank()) {
				throw data.error(line, "expected label<TAB>text");
			}
			examples.add(new Example(Label.of(line.text().substring(0, tab)), line.text().substring(tab + 1).trim()));
		}
		return new Exemplars(examples);
	}

	List<String> texts() {
		return examples.stream().map(Example::text).toList();
	}
}
