package dev.daca.bindings.a2a;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.Artifact;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The A2A task store (the {@code a2a_task} table: H2 in the embedded default, Postgres with the postgres profile), so
 * any replica answers {@code tasks/get} and {@code tasks/cancel}. Each change replaces the stored task JSON; the row's
 * version guards against two replicas changing one task at once.
 */
@Service
class A2aTasks {

	private final StoredTasks rows;

	private final ObjectMapper json;

	private final Clock clock;

	A2aTasks(StoredTasks rows, ObjectMapper json, Clock clock) {
		this.rows = rows;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	Task create(String taskId, String contextId, String skill, Message request) {
		Task task = new Task(taskId, contextId, status(TaskState.SUBMITTED, null), List.of(), List.of(request), null);
		StoredTask row = new StoredTask(taskId, contextId, skill);
		row.update(task.getStatus().state().asString(), null, write(task), clock.instant());
		rows.save(row);
		return task;
	}

	/** A task in a final state does not move again (a cancel and a review decision racing: the first one wins). */
	static final class TaskEnded extends RuntimeException {

		TaskEnded(Task task) {
			super("task " + task.getId() + " is " + task.getStatus().state().asString());
		}
	}

	/**
	 * The task moved to {@code state}, with the agent's message and an artifact when given.
	 * @throws TaskEnded when the task is already completed, failed, canceled or rejected
	 */
	@Transactional
	Task move(String taskId, TaskState state, Message agentMessage, Artifact artifact, String reviewId) {
		StoredTask row = rows.findById(taskId).orElseThrow(() -> new IllegalStateException("no task " + taskId));
		Task current = read(row.task());
		if (current.getStatus().state().isFinal()) {
			throw new TaskEnded(current);
		}
		List<Artifact> artifacts = new ArrayList<>(current.getArtifacts() == null ? List.of() : current.getArtifacts());
		if (artifact != null) {
			artifacts.add(artifact);
		}
		List<Message> history = new ArrayList<>(current.getHistory() == null ? List.of() : current.getHistory());
		if (agentMessage != null) {
			history.add(agentMessage);
		}
		Task next = new Task(current.getId(), current.getContextId(), status(state, agentMessage), artifacts, history,
				reviewId == null ? current.getMetadata() : Map.of("reviewId", reviewId));
		row.update(state.asString(), reviewId, write(next), clock.instant());
		return next;
	}

	@Transactional(readOnly = true)
	Optional<Task> find(String taskId) {
		return rows.findById(taskId).map(row -> read(row.task()));
	}

	/** The tasks waiting for this review (input-required): {@link ReviewResumption} moves them on its decision. */
	@Transactional(readOnly = true)
	List<Task> waitingFor(String reviewId) {
		return rows.findByReviewId(reviewId).stream().map(row -> read(row.task()))
			.filter(task -> task.getStatus().state() == TaskState.INPUT_REQUIRED)
			.toList();
	}

	/** The task without all but the last {@code historyLength} messages (A2A {@code tasks/get}). */
	static Task withHistory(Task task, Integer historyLength) {
		if (historyLength == null || task.getHistory() == null || task.getHistory().size() <= historyLength) {
			return task;
		}
		List<Message> history = task.getHistory();
		return new Task(task.getId(), task.getContextId(), task.getStatus(), task.getArtifacts(),
				history.subList(history.size() - historyLength, history.size()), task.getMetadata());
	}

	private TaskStatus status(TaskState state, Message message) {
		return new TaskStatus(state, message, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	private String write(Task task) {
		try {
			return json.writeValueAsString(task);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Task read(String text) {
		try {
			return json.readValue(text, Task.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored task is not A2A JSON", ex);
		}
	}
}
