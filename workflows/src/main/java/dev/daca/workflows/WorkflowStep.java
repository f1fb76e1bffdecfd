package dev.daca.workflows;

/** One entry of a workflow's history: when (workflow time, replay-safe), what, and the detail a person reads. */
public record WorkflowStep(String at, String step, String detail) {
}
