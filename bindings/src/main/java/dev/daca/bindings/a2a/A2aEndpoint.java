package dev.daca.bindings.a2a;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The A2A v0.3 JSON-RPC 2.0 endpoint: {@code message/send}, {@code message/stream} (SSE), {@code tasks/get},
 * {@code tasks/cancel}, {@code tasks/resubscribe}. Errors are JSON-RPC errors with the spec's codes (parse error
 * -32700, invalid request -32600, method not found -32601, invalid params -32602, task not found -32001, task not
 * cancelable -32002). The task is in the shared store and its events go through the broker, so any replica answers
 * and streams it.
 */
@RestController
class A2aEndpoint {

	static final int PARSE_ERROR = -32700;
	static final int INVALID_REQUEST = -32600;
	static final int METHOD_NOT_FOUND = -32601;
	static final int INVALID_PARAMS = -32602;
	static final int TASK_NOT_FOUND = -32001;
	static final int TASK_NOT_CANCELABLE = -32002;

	private static final Set<TaskState> CANCELABLE = Set.of(TaskState.SUBMITTED, TaskState.WORKING,
			TaskState.INPUT_REQUIRED);

	private final ObjectMapper json;

	private final A2aTasks tasks;

	private final TaskRunner runner;

	A2aEndpoint(ObjectMapper json, A2aTasks tasks, TaskRunner runner) {
		this.json = json;
		this.tasks = tasks;
		this.runner = runner;
	}

	/** A JSON-RPC error, carrying the request id it answers. */
	static final class RpcError extends RuntimeException {

		final int code;

		RpcError(int code, String message) {
			super(message);
			this.code = code;
		}
	}

	@PostMapping(path = AgentCardApi.ENDPOINT, consumes = MediaType.ALL_VALUE)
	Object handle(@RequestBody(required = false) String body) {
		JsonNode request;
		try {
			request = json.readTree(body == null ? "" : body);
		}
		catch (JsonProcessingException ex) {
			return error(null, PARSE_ERROR, "Parse error: " + ex.getOriginalMessage());
		}
		JsonNode id = request == null ? null : request.get("id");
		if (request == null || !request.isObject() || !"2.0".equals(request.path("jsonrpc").asText(null))
				|| !request.path("method").isTextual()
				|| (id != null && !(id.isTextual() || id.isIntegralNumber() || id.isNull()))) {
			return error(id != null && (id.isTextual() || id.isNumber()) ? id : null, INVALID_REQUEST,
					"Invalid Request: a JSON-RPC 2.0 object with jsonrpc \"2.0\", a method and an id");
		}
		JsonNode params = request.path("params");
		try {
			return switch (request.get("method").asText()) {
				case "message/send" -> result(id, runner.send(message(params)));
				case "message/stream" -> runner.stream(message(params), event -> envelope(id, event));
				case "tasks/get" -> result(id, A2aTasks.withHistory(task(params), params.path("historyLength").isInt() ? params.get("historyLength").asInt() : null));
				case "tasks/cancel" -> result(id, cancel(task(params)));
				case "tasks/resubscribe" -> runner.resubscribe(task(params), event -> envelope(id, event));
				default -> error(id, METHOD_NOT_FOUND, "Method not found: " + request.get("method").asText());
			};
		}
		catch (RpcError ex) {
			return error(id, ex.code, ex.getMessage());
		}
	}

	private Message message(JsonNode params) {
		JsonNode message = params.get("message");
		if (message == null || !message.isObject()) {
			throw new RpcError(INVALID_PARAMS, "Invalid params: params.message is required");
		}
		try {
			return json.treeToValue(message, Message.class);
		}
		catch (JsonMappingException ex) {
			throw new RpcError(INVALID_PARAMS, "Invalid params: params.message: " + ex.getOriginalMessage());
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new RpcError(INVALID_PARAMS, "Invalid params: params.message: " + ex.getMessage());
		}
	}

	private Task task(JsonNode params) {
		if (!params.path("id").isTextual()) {
			throw new RpcError(INVALID_PARAMS, "Invalid params: params.id (the task id) is required");
		}
		String taskId = params.get("id").asText();
		return tasks.find(taskId).orElseThrow(() -> new RpcError(TASK_NOT_FOUND, "Task not found: " + taskId));
	}

	private Task cancel(Task task) {
		if (!CANCELABLE.contains(task.getStatus().state())) {
			throw new RpcError(TASK_NOT_CANCELABLE,
					"Task cannot be canceled: it is " + task.getStatus().state().asString());
		}
		Task canceled;
		try {
			canceled = tasks.move(task.getId(), TaskState.CANCELED, runner.agentSays(task, "Canceled by the client."),
					null, null);
		}
		catch (A2aTasks.TaskEnded ex) {
			throw new RpcError(TASK_NOT_CANCELABLE, "Task cannot be canceled: " + ex.getMessage());
		}
		runner.publish(new TaskStatusUpdateEvent(canceled.getId(), canceled.getStatus(), canceled.getContextId(), true,
				null));
		return canceled;
	}

	private Map<String, Object> envelope(JsonNode id, Object event) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("jsonrpc", "2.0");
		response.put("id", id);
		response.put("result", event);
		return response;
	}

	private ResponseEntity<Map<String, Object>> result(JsonNode id, Object result) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(envelope(id, result));
	}

	private static ResponseEntity<Map<String, Object>> error(JsonNode id, int code, String message) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("jsonrpc", "2.0");
		response.put("id", id);
		response.put("error", Map.of("code", code, "message", message));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
	}
}
