package dev.daca.functions.review;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.Risk;

/**
 * What any of the four agentic functions concluded, seen from the review gate: enough for a review policy to decide
 * whether a person must look, and for the person to see what would happen. In JSON an outcome carries its function's
 * name as {@code "function"} (e.g. {@code "classify"}), which is how {@code request-review} knows which record it got.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "function")
public interface Outcome {

	/** The function that produced this outcome: classify, diagnose, recommend or actuate. */
	String function();

	/** The entity the outcome is about (post, patient, user, home); also the ordering key on topics. */
	String subjectId();

	/** How sure the engine is, in [0,1]. */
	double confidence();

	/** How bad it is if this outcome is wrong, on the scale shared by all functions. */
	Risk risk();

	/** Words a policy can name to always send an outcome to a person (labels, urgency, action kinds). */
	Set<String> flags();

	/** One line: what the agent concluded. */
	String summary();

	/** What would happen if nobody intervened. */
	ProposedAction proposedAction();

	DecidedBy decidedBy();
}
