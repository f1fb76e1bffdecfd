package dev.daca.bindings.a2a;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.Artifact;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;

import dev.daca.bindings.a2a.A2aEndpoint.RpcError;
import dev.daca.bindings.http.FunctionInputErrors;
import dev.daca.bindings.review.ReviewGate;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ReviewRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs a message as a task: submitted, working, then completed, failed, or input-required when the review policy
 * sends the outcome to a person (the review request is filed in the inbox and its id is on the task; the task moves on
 * when they decide: {@link ReviewResumption}). Every change is stored first, then shared through the broker
 * ({@link TaskEvents}). A stream stays open until the task is final: input-required is an interruption (final=false).
 */
@Component
class TaskRunner {

	private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(5);

	private final A2aSkills skills;

	private final A2aTasks tasks;

	private final ReviewGate gate;

	private final ObjectMapper json;

	private final TaskEvents events;

	TaskRunner(A2aSkills skills, A2aTasks tasks, ReviewGate gate, ObjectMapper json, TaskEvents events) {
		this.skills = skills;
		this.tasks = tasks;
		this.gate = gate;
		this.json = json;
		this.events = events;
	}

	/** The message and the skill input it carries, checked before a task exists. */
	private record Request(Message message, A2aSkills.Skill skill, Object input, String taskId, String contextId) {
	}

	Task send(Message message) {
		Request request = prepare(message);
		return run(request, event -> {
		});
	}

	SseEmitter stream(Message message, Function<Object, Object> envelope) {
		Request request = prepare(message);
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		Thread.ofVirtual().name("a2a-task-" + request.taskId()).start(() -> {
			try {
				Task task = run(request, event -> send(emitter, envelope.apply(event)));
				if (task.getStatus().state().isFinal()) {
					emitter.complete();
				}
				else {
					follow(emitter, task, envelope);
				}
			}
			catch (RuntimeException ex) {
				emitter.completeWithError(ex);
			}
		});
		return emitter;
	}

	SseEmitter resubscribe(Task task, Function<Object, Object> envelope) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		send(emitter, envelope.apply(task));
		if (task.getStatus().state().isFinal()) {
			emitter.complete();
		}
		else {
			follow(emitter, task, envelope);
		}
		return emitter;
	}

	/**
	 * The stream gets the task's events from any replica until its final status, except those it has shown already
	 * (an earlier status, a known artifact: the broker may deliver them after the stream began to follow). The task is
	 * read again once the stream follows, so a final state reached just before is not missed.
	 */
	private void follow(SseEmitter emitter, Task shown, Function<Object, Object> envelope) {
		AtomicReference<OffsetDateTime> statusShown = new AtomicReference<>(shown.getStatus().timestamp());
		Set<String> artifactsShown = shown.getArtifacts() == null ? Set.of()
				: shown.getArtifacts().stream().map(Artifact::artifactId).collect(Collectors.toSet());
		AtomicBoolean ended = new AtomicBoolean();
		Runnable stop = events.follow(shown.getId(), event -> {
			boolean news = switch (event.path("kind").asText()) {
				case "status-update" -> {
					OffsetDateTime at = OffsetDateTime.parse(event.path("status").path("timestamp").asText());
					yield statusShown.getAndAccumulate(at, (a, b) -> a.isAfter(b) ? a : b).isBefore(at);
				}
				case "artifact-update" -> !artifactsShown.contains(event.path("artifact").path("artifactId").asText());
				default -> false;
			};
			boolean last = event.path("final").asBoolean();
			if (news && (last ? ended.compareAndSet(false, true) : !ended.get())) {
				send(emitter, envelope.apply(event));
				if (last) {
					emitter.complete();
				}
			}
		});
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError(ex -> stop.run());
		tasks.find(shown.getId()).filter(task -> task.getStatus().state().isFinal()).ifPresent(task -> {
			if (ended.compareAndSet(false, true)) {
				send(emitter, envelope.apply(status(task, true)));
				emitter.complete();
			}
		});
	}

	void publish(Object event) {
		events.publish(event);
	}

	Message agentSays(Task task, String text) {
		return new Message.Builder().role(Message.Role.AGENT)
			.parts(new TextPart(text))
			.messageId(UUID.randomUUID().toString())
			.taskId(task.getId())
			.contextId(task.getContextId())
			.build();
	}

	private Request prepare(Message message) {
		if (message.getTaskId() != null) {
			Task existing = tasks.find(message.getTaskId())
				.orElseThrow(() -> new RpcError(A2aEndpoint.TASK_NOT_FOUND, "Task not found: " + message.getTaskId()));
			throw new RpcError(A2aEndpoint.INVALID_PARAMS, "Invalid params: task " + existing.getId() + " is "
					+ existing.getStatus().state().asString() + "; an input-required task resumes when its reviewer "
					+ "decides in the review inbox, not by a message");
		}
		Map<String, Object> metadata = message.getMetadata() == null ? Map.of() : message.getMetadata();
		Object skillId = metadata.get("skill");
		A2aSkills.Skill skill = skills.find(skillId instanceof String s ? s : null)
			.orElseThrow(() -> new RpcError(A2aEndpoint.INVALID_PARAMS, "Invalid params: message.metadata.skill must "
					+ "name one of " + skills.all().stream().map(A2aSkills.Skill::id).toList()));
		String contextId = message.getContextId() != null ? message.getContextId() : UUID.randomUUID().toString();
		Map<String, Object> data = input(message, skill, contextId);
		return new Request(message, skill, read(data, skill), UUID.randomUUID().toString(), contextId);
	}

	private static Map<String, Object> input(Message message, A2aSkills.Skill skill, String contextId) {
		List<Part<?>> parts = message.getParts() == null ? List.of() : message.getParts();
		Optional<Map<String, Object>> data = parts.stream().filter(DataPart.class::isInstance)
			.map(p -> ((DataPart) p).getData()).findFirst();
		if (data.isPresent()) {
			return data.get();
		}
		String text = String.join("\n", parts.stream().filter(TextPart.class::isInstance)
			.map(p -> ((TextPart) p).getText()).toList());
		if (text.isBlank() || skill.fromText().isEmpty()) {
			throw new RpcError(A2aEndpoint.INVALID_PARAMS, "Invalid params: skill " + skill.id() + " needs a data part "
					+ "with its input" + (skill.fromText().isPresent() ? " or a text part" : ""));
		}
		return skill.fromText().get().apply(text, contextId);
	}

	private Object read(Map<String, Object> data, A2aSkills.Skill skill) {
		try {
			var reader = json.readerFor(skill.input());
			if (skill.input() != Outcome.class) {
				reader = reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
			}
			return reader.readValue(json.writeValueAsBytes(data));
		}
		catch (JsonMappingException ex) {
			throw new RpcError(A2aEndpoint.INVALID_PARAMS, "Invalid params: " + FunctionInputErrors.describe(ex));
		}
		catch (IOException ex) {
			throw new RpcError(A2aEndpoint.INVALID_PARAMS, "Invalid params: " + ex.getMessage());
		}
	}

	private Task run(Request request, Consumer<Object> emit) {
		Consumer<Object> tell = event -> {
			emit.accept(event);
			publish(event);
		};
		String taskId = request.taskId();
		Task task = tasks.create(taskId, request.contextId(), request.skill().id(), withIds(request));
		tell.accept(task);
		task = tasks.move(taskId, TaskState.WORKING, null, null, null);
		tell.accept(status(task, false));
		try {
			Object result = request.skill().function().apply(request.input());
			boolean gated = result instanceof Outcome && !request.skill().id().equals("request-review");
			if (gated) {
				ReviewGate.Reviewed<Outcome> reviewed = gate.pass((Outcome) result);
				Artifact artifact = artifact(reviewed);
				tell.accept(new TaskArtifactUpdateEvent(taskId, artifact, task.getContextId(), false, true, null));
				if (reviewed.review() instanceof ReviewRequest review) {
					task = tasks.move(taskId, TaskState.INPUT_REQUIRED, agentSays(task, "A person must look before this "
							+ "takes effect: review " + review.reviewId() + " waits in the " + review.candidateGroup()
							+ " inbox (" + String.join("; ", review.reasons()) + "). The task resumes when they decide."),
							artifact, review.reviewId());
				}
				else {
					task = tasks.move(taskId, TaskState.COMPLETED, null, artifact, null);
				}
			}
			else {
				Artifact artifact = artifact(result);
				tell.accept(new TaskArtifactUpdateEvent(taskId, artifact, task.getContextId(), false, true, null));
				task = tasks.move(taskId, TaskState.COMPLETED, null, artifact, null);
			}
		}
		catch (InvalidInput ex) {
			task = tasks.move(taskId, TaskState.FAILED, agentSays(task, ex.getMessage()), null, null);
		}
		catch (RuntimeException ex) {
			log.error("A2A task {} ({}) failed", taskId, request.skill().id(), ex);
			task = tasks.move(taskId, TaskState.FAILED, agentSays(task, "the function failed; it has been logged"),
					null, null);
		}
		tell.accept(status(task, task.getStatus().state().isFinal()));
		return task;
	}

	private static Message withIds(Request request) {
		return new Message.Builder(request.message()).taskId(request.taskId()).contextId(request.contextId()).build();
	}

	private static TaskStatusUpdateEvent status(Task task, boolean last) {
		return new TaskStatusUpdateEvent(task.getId(), task.getStatus(), task.getContextId(), last, task.getMetadata());
	}

	@SuppressWarnings("unchecked")
	private Artifact artifact(Object result) {
		Map<String, Object> data = json.convertValue(result, Map.class);
		return new Artifact(UUID.randomUUID().toString(), "result", null, List.of(new DataPart(data)), null, null);
	}

	private static void send(SseEmitter emitter, Object data) {
		try {
			emitter.send(SseEmitter.event().data(data, org.springframework.http.MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("A2A stream closed by the client: {}", ex.getMessage());
		}
	}
}
