package dev.daca.bindings.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.ledger.EventLedger;
import dev.daca.bindings.ledger.ProcessedEvent;
import dev.daca.bindings.stream.EventProcessing;
import dev.daca.bindings.stream.EventTypes;
import dev.daca.functions.engine.InvalidInput;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Publish an event to an inbound topic over HTTP (CloudEvents HTTP binary mode: the body is the data, attributes may
 * come as {@code ce-id}/{@code ce-subject} headers) and follow what became of it. The body is checked against the
 * receiving function's input type before anything is published, so bad input is refused here (RFC 7807) instead of
 * dead-lettered later.
 */
@RestController
@RequestMapping("/events")
class EventsController {

	/** Which function receives each inbound topic, and which field of its input is the entity id (the event key). */
	private static final Map<String, String> RECEIVER = Map.of("content.submitted", "classify", "symptoms.reported",
			"diagnose", "shopper.activity", "recommend", "home.signals", "actuate");

	private static final Map<String, String> SUBJECT_FIELD = Map.of("content.submitted", "postId",
			"symptoms.reported", "patientId", "shopper.activity", "userId", "home.signals", "homeId");

	record Published(String id, String type, String topic, String subject, String path) {
	}

	record Step(String consumer, String eventId, String eventType, String outputEventId, String outputType,
			JsonNode output, String processedAt) {
	}

	record EventPath(String eventId, List<Step> steps) {
	}

	private final StreamBridge bridge;

	private final FunctionCatalog functions;

	private final EventProcessing events;

	private final EventLedger ledger;

	private final ObjectMapper json;

	EventsController(StreamBridge bridge, FunctionCatalog functions, EventProcessing events, EventLedger ledger,
			ObjectMapper json) {
		this.bridge = bridge;
		this.functions = functions;
		this.events = events;
		this.ledger = ledger;
		this.json = json;
	}

	@PostMapping("/{topic}")
	ResponseEntity<Published> publish(@PathVariable String topic, @RequestBody byte[] body,
			@RequestHeader(name = "ce-id", required = false) String id) {
		String type = EventTypes.inboundTypeOf(topic)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"no inbound topic '" + topic + "'; inbound topics: " + RECEIVER.keySet()));
		JsonNode data = readChecked(topic, body);
		String subject = data.path(SUBJECT_FIELD.get(topic)).asText(null);
		String eventId = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
		if (!bridge.send(topic, events.newEvent(eventId, type, subject, body))) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the broker did not accept the event");
		}
		return ResponseEntity.accepted()
			.body(new Published(eventId, type, topic, subject, "/events/" + eventId));
	}

	/** The event's path so far: each consumer that processed it and what it emitted, followed downstream. */
	@GetMapping("/{eventId}")
	EventPath path(@PathVariable String eventId) {
		List<Step> steps = new ArrayList<>();
		Deque<String> next = new ArrayDeque<>(List.of(eventId));
		while (!next.isEmpty() && steps.size() < 50) {
			for (ProcessedEvent processed : ledger.processingOf(next.poll())) {
				steps.add(new Step(processed.consumer(), processed.eventId(), processed.eventType(),
						processed.outputEventId(), processed.outputType(), read(processed.outputPayload()),
						processed.processedAt().toString()));
				if (processed.outputEventId() != null) {
					next.add(processed.outputEventId());
				}
			}
		}
		if (steps.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"event " + eventId + " has not been processed (yet): try again in a moment");
		}
		return new EventPath(eventId, steps);
	}

	private JsonNode readChecked(String topic, byte[] body) {
		JsonNode data;
		try {
			data = json.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw new InvalidInput("body is not JSON: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		FunctionInvocationWrapper receiver = functions.lookup(RECEIVER.get(topic));
		if (receiver != null) {
			try {
				json.readerFor(json.constructType(receiver.getInputType())).readValue(data);
			}
			catch (java.io.IOException ex) {
				Throwable cause = ex.getCause() instanceof InvalidInput invalid ? invalid : ex;
				throw new InvalidInput(cause.getMessage().lines().findFirst().orElse("invalid " + topic + " event"));
			}
		}
		return data;
	}

	private JsonNode read(String payload) {
		if (payload == null) {
			return null;
		}
		try {
			return json.readTree(payload);
		}
		catch (JsonProcessingException ex) {
			return json.getNodeFactory().textNode(payload);
		}
	}
}
