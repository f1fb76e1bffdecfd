package dev.daca.hitl.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Proposed versus edited action parameters, key by key: what a reviewer's edit changes before it is approved. */
public record ActionDiff(List<Line> lines) {

	/** One parameter: unchanged, changed, added or removed, with both values as JSON text. */
	public record Line(String key, String change, String proposed, String edited) {
	}

	static ActionDiff between(Map<String, Object> proposed, Map<String, Object> edited) {
		List<Line> lines = new ArrayList<>();
		TreeSet<String> keys = new TreeSet<>(proposed.keySet());
		keys.addAll(edited.keySet());
		for (String key : keys) {
			boolean before = proposed.containsKey(key);
			boolean after = edited.containsKey(key);
			String change = !before ? "added" : !after ? "removed"
					: Objects.equals(proposed.get(key), edited.get(key)) ? "unchanged" : "changed";
			lines.add(new Line(key, change, before ? String.valueOf(proposed.get(key)) : "",
					after ? String.valueOf(edited.get(key)) : ""));
		}
		return new ActionDiff(List.copyOf(lines));
	}

	public boolean changed() {
		return lines.stream().anyMatch(line -> !line.change().equals("unchanged"));
	}
}
