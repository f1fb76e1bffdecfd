package dev.daca.workflows.review;

import io.dapr.workflows.client.DaprWorkflowClient;
import io.dapr.workflows.client.WorkflowInstanceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.daca.hitl.decision.ReviewDecided;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A decision made on the review page is the same decision a waiting workflow needs: once it is committed, it is
 * raised as the workflow's external event {@value ReviewDecision#EVENT} (the instance found by review id in the Dapr
 * state store, {@link ReviewWorkflows}). Requests no workflow waits for (filed from a topic) are left to the
 * {@code review.decided} topic. "Responded" (a note instead of the action) reaches a workflow as a rejection: the
 * proposed action does not happen.
 */
@Component
@OnDaprWorkflows
class InboxDecisionRelay {

	private static final Logger log = LoggerFactory.getLogger(InboxDecisionRelay.class);

	private final ReviewWorkflows waiting;

	private final DaprWorkflowClient workflows;

	InboxDecisionRelay(ReviewWorkflows waiting, DaprWorkflowClient workflows) {
		this.waiting = waiting;
		this.workflows = workflows;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void decided(ReviewDecided decided) {
		try {
			waiting.instanceFor(decided.reviewId()).ifPresent(instanceId -> raise(instanceId, decided));
		}
		catch (RuntimeException ex) {
			log.warn("decision on review {} not delivered to its workflow (the workflow's deadline still applies): {}",
					decided.reviewId(), ex.getMessage());
		}
	}

	private void raise(String instanceId, ReviewDecided decided) {
		WorkflowInstanceStatus status = workflows.getInstanceState(instanceId, false);
		if (status == null || !status.isRunning()) {
			log.info("review {} decided; workflow {} no longer waits", decided.reviewId(), instanceId);
			return;
		}
		workflows.raiseEvent(instanceId, ReviewDecision.EVENT, of(decided));
		log.info("review {} decided ({}) on the page; delivered to workflow {}", decided.reviewId(), decided.outcome(),
				instanceId);
	}

	static ReviewDecision of(ReviewDecided decided) {
		boolean approved = decided.outcome().equals("approved");
		String note = switch (decided.outcome()) {
			case "rejected" -> join(decided.reason(), decided.note());
			case "responded" -> join("responded", decided.note());
			default -> join(null, decided.note());
		};
		return new ReviewDecision(approved ? "approve" : "reject", decided.decidedBy(),
				approved ? decided.approvedHash() : decided.proposedHash(),
				approved && decided.edited() ? decided.approvedAction() : null, note);
	}

	private static String join(String first, String second) {
		if (first == null || first.isBlank()) {
			return second == null ? "" : second;
		}
		return second == null || second.isBlank() ? first : first + ": " + second;
	}
}
