package dev.daca.bindings.a2a;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskStatusUpdateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.daca.bindings.stream.EventProcessing;
import dev.daca.bindings.stream.EventTypes;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The events of A2A tasks (the task, status and artifact updates), shared by every replica: published to the topic
 * {@code a2a.task-events} (binding {@value #BINDING}, keyed by task id, so one task's events stay in order) and consumed by every replica with an
 * anonymous group (binding {@code a2aTaskEvents-in-0}), which hands them to the streams following that task here. So a
 * client streaming from replica B sees a task that runs or resumes on replica A.
 */
@Component
class TaskEvents {

	static final String BINDING = "a2aTaskEvents-out-0";

	private static final Logger log = LoggerFactory.getLogger(TaskEvents.class);

	private final StreamBridge bridge;

	private final EventProcessing events;

	private final ObjectMapper json;

	private final Map<String, List<Consumer<JsonNode>>> followers = new ConcurrentHashMap<>();

	TaskEvents(StreamBridge bridge, EventProcessing events, ObjectMapper json) {
		this.bridge = bridge;
		this.events = events;
		this.json = json;
	}

	/** Shares one event of a task; a broker that does not take it costs the followers elsewhere that event only. */
	void publish(Object event) {
		String taskId = event instanceof TaskStatusUpdateEvent s ? s.getTaskId()
				: event instanceof TaskArtifactUpdateEvent a ? a.getTaskId() : ((Task) event).getId();
		try {
			bridge.send(BINDING, events.newEvent(UUID.randomUUID().toString(), EventTypes.A2A_TASK_EVENT, taskId,
					json.writeValueAsBytes(event)));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("A2A event of task {} not shared with the other replicas: {}", taskId, ex.getMessage());
		}
	}

	/** Hands the events of this task to {@code follower} until the returned action is run. */
	Runnable follow(String taskId, Consumer<JsonNode> follower) {
		followers.computeIfAbsent(taskId, id -> new CopyOnWriteArrayList<>()).add(follower);
		return () -> followers.computeIfPresent(taskId, (id, list) -> {
			list.remove(follower);
			return list.isEmpty() ? null : list;
		});
	}

	/** An event from the topic (any replica's), for the streams following its task on this replica. */
	void deliver(Message<byte[]> message) throws IOException {
		JsonNode event = json.readTree(message.getPayload());
		String taskId = event.has("taskId") ? event.get("taskId").asText() : event.path("id").asText();
		followers.getOrDefault(taskId, List.of()).forEach(follower -> follower.accept(event));
	}
}
