package dev.daca.workflows;

import java.util.Map;

/** The outcome a workflow publishes when it is done: {@code <process>.decided} on the event bus. */
public record ProcessOutcome(String instanceId, String process, String subjectId, String action, String decidedBy,
		Map<String, Object> parameters) {

	public ProcessOutcome {
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}

	public String topic() {
		return process + ".decided";
	}
}
