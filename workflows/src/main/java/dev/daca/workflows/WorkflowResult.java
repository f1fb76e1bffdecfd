package dev.daca.workflows;

import java.util.List;

/**
 * What a finished workflow returns: which process, about what, the action that took effect, who decided it
 * ({@code agent}, {@code reviewer:<name>}, {@code policy-default}, or {@code refused}) and the whole history.
 */
public record WorkflowResult(String process, String subjectId, String action, String decidedBy,
		List<WorkflowStep> history) {
}
