package dev.daca.bindings.a2a;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.Artifact;
import io.a2a.spec.DataPart;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.daca.hitl.decision.ReviewDecided;

import org.springframework.stereotype.Component;

/**
 * An input-required task moves on when its reviewer decides (the {@code review.decided} event, consumed once per
 * decision by one replica: binding {@code resumeA2aTasks-in-0}). Approved: completed, with the decision (the approved,
 * possibly edited, action) as the artifact {@code decision}. Rejected, or answered with a note instead of the action:
 * {@code rejected} (A2A v0.3: the agent will not do it), with the reviewer's reason in the status message.
 */
@Component
class ReviewResumption {

	private static final Logger log = LoggerFactory.getLogger(ReviewResumption.class);

	private final A2aTasks tasks;

	private final TaskRunner runner;

	private final ObjectMapper json;

	ReviewResumption(A2aTasks tasks, TaskRunner runner, ObjectMapper json) {
		this.tasks = tasks;
		this.runner = runner;
		this.json = json;
	}

	void decided(ReviewDecided decided) {
		for (Task task : tasks.waitingFor(decided.reviewId())) {
			try {
				resume(task, decided);
			}
			catch (A2aTasks.TaskEnded ex) {
				log.info("review {} decided, but {}", decided.reviewId(), ex.getMessage());
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void resume(Task task, ReviewDecided decided) {
		Task next;
		if (decided.outcome().equals("approved")) {
			Artifact decision = new Artifact(UUID.randomUUID().toString(), "decision", null,
					List.of(new DataPart(json.convertValue(decided, Map.class))), null, null);
			next = tasks.move(task.getId(), TaskState.COMPLETED, runner.agentSays(task, "Approved by "
					+ decided.decidedBy() + (decided.edited() ? " with changes" : "") + note(decided.note())),
					decision, null);
			runner.publish(new TaskArtifactUpdateEvent(task.getId(), decision, task.getContextId(), false, true, null));
		}
		else {
			String why = decided.outcome().equals("rejected") ? "Rejected by " + decided.decidedBy() + ": "
					+ decided.reason() + note(decided.note())
					: decided.decidedBy() + " answered instead of approving: " + decided.note();
			next = tasks.move(task.getId(), TaskState.REJECTED, runner.agentSays(task, why), null, null);
		}
		runner.publish(new TaskStatusUpdateEvent(next.getId(), next.getStatus(), next.getContextId(), true, null));
		log.info("A2A task {} {} by review {}", next.getId(), next.getStatus().state().asString(), decided.reviewId());
	}

	private static String note(String note) {
		return note == null || note.isBlank() ? "." : " (" + note + ").";
	}
}
