package dev.daca.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** deploy/Dockerfile read as instructions (continuation lines joined, comments dropped), for tests to replay. */
record Dockerfile(List<Instruction> instructions) {

	static final Path PATH = Path.of("..", "deploy", "Dockerfile");

	record Instruction(String keyword, String arguments) {
	}

	static Dockerfile read() throws IOException {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(PATH)) {
			if (line.isBlank() || line.stripLeading().startsWith("#")) {
				continue;
			}
			if (line.endsWith("\\")) {
				current.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			current.append(line);
			String text = current.toString().strip();
			int space = text.indexOf(' ');
			instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
			current.setLength(0);
		}
		return new Dockerfile(instructions);
	}

	List<Instruction> all(String keyword) {
		return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
	}

	/** The instructions of the last stage (the image that runs). */
	Dockerfile runtimeStage() {
		int from = 0;
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).keyword().equals("FROM")) {
				from = i;
			}
		}
		return new Dockerfile(instructions.subList(from, instructions.size()));
	}

	/** The single RUN whose command contains the marker, as words (up to the first {@code &&}). */
	List<String> run(String marker) {
		return all("RUN").stream()
			.map(Instruction::arguments)
			.filter(a -> a.contains(marker))
			.map(a -> words(a.split("&&")[0]))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no RUN with " + marker + " in " + PATH));
	}

	List<String> entrypoint() {
		return json(all("ENTRYPOINT").getLast().arguments());
	}

	/** ENV key=value pairs (values may be double-quoted). */
	Map<String, String> env() {
		Map<String, String> env = new LinkedHashMap<>();
		Matcher m = Pattern.compile("(\\w+)=(\"([^\"]*)\"|\\S+)").matcher("");
		for (Instruction i : all("ENV")) {
			m.reset(i.arguments());
			while (m.find()) {
				env.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
			}
		}
		return env;
	}

	static List<String> words(String command) {
		return Arrays.stream(command.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
	}

	private static List<String> json(String array) {
		try {
			return JsonMapper.builder().build().readValue(array, new TypeReference<>() {
			});
		}
		catch (IOException ex) {
			throw new AssertionError("not an exec-form JSON array: " + array, ex);
		}
	}
}
