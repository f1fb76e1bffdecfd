package dev.daca.bindings.stream;

import java.util.Map;
import java.util.Optional;

/**
 * The CloudEvent {@code type} of every event on our topics, and which topic carries it. The topology reads forward:
 * a submission is decided by a function, the decision is routed to review, a person decides.
 */
public final class EventTypes {

	public static final String PREFIX = "dev.daca.";

	public static final String CONTENT_SUBMITTED = PREFIX + "content.submitted";

	public static final String CONTENT_MODERATED = PREFIX + "content.moderated";

	public static final String SYMPTOMS_REPORTED = PREFIX + "symptoms.reported";

	public static final String TRIAGE_ASSESSED = PREFIX + "triage.assessed";

	public static final String SHOPPER_ACTIVITY = PREFIX + "shopper.activity";

	public static final String RECOMMENDATIONS_MADE = PREFIX + "recommendations.made";

	public static final String HOME_SIGNALLED = PREFIX + "home.signalled";

	public static final String HOME_PLANNED = PREFIX + "home.planned";

	public static final String REVIEW_REQUESTED = PREFIX + "review.requested";

	public static final String REVIEW_DECIDED = PREFIX + "review.decided";

	/** A2A task, status or artifact update, shared by the replicas that stream A2A tasks. */
	public static final String A2A_TASK_EVENT = PREFIX + "a2a.task-event";

	/** Topics that accept events from outside (HTTP publish, producers), with the type each carries. */
	static final Map<String, String> INBOUND = Map.of("content.submitted", CONTENT_SUBMITTED, "symptoms.reported",
			SYMPTOMS_REPORTED, "shopper.activity", SHOPPER_ACTIVITY, "home.signals", HOME_SIGNALLED);

	/** The output event type of each function's outcome. */
	static final Map<String, String> OUTCOME = Map.of("classify", CONTENT_MODERATED, "diagnose", TRIAGE_ASSESSED,
			"recommend", RECOMMENDATIONS_MADE, "actuate", HOME_PLANNED);

	private EventTypes() {
	}

	public static Optional<String> inboundTypeOf(String topic) {
		return Optional.ofNullable(INBOUND.get(topic));
	}
}
