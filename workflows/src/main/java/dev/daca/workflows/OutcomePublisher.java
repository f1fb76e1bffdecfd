package dev.daca.workflows;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.stream.EventProcessing;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes a workflow's outcome as a CloudEvent on {@code <process>.decided} through Spring Cloud Stream (the
 * app's broker). The event id is derived from the workflow instance id, so a retried activity publishes the same
 * event and the consumers' ledger drops the repeat.
 */
@Component
@OnDaprWorkflows
public class OutcomePublisher {

	private final StreamBridge bridge;

	private final EventProcessing events;

	private final ObjectMapper json;

	OutcomePublisher(StreamBridge bridge, EventProcessing events, ObjectMapper json) {
		this.bridge = bridge;
		this.events = events;
		this.json = json;
	}

	/** Returns the topic it was published on. */
	public String publish(ProcessOutcome outcome) {
		byte[] data;
		try {
			data = json.writeValueAsString(outcome).getBytes(StandardCharsets.UTF_8);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		String eventId = outcome.instanceId() + "/" + outcome.topic();
		if (!bridge.send(outcome.topic(),
				events.newEvent(eventId, "dev.daca." + outcome.topic(), outcome.subjectId(), data))) {
			throw new IllegalStateException("the broker did not accept " + eventId);
		}
		return outcome.topic();
	}
}
