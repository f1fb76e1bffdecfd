package dev.daca.bindings.stream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.ledger.EventLedger;
import dev.daca.bindings.ledger.EventLedger.Emitted;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Puts a domain function on a topic: a CloudEvent in, at most one CloudEvent out, decided once per event id.
 * <ol>
 * <li>the input must be a CloudEvent of an accepted type (else {@link UnexpectedEvent}: dead letter, no retry);</li>
 * <li>the {@link EventLedger} returns the recorded output if this consumer has seen the event id before;</li>
 * <li>otherwise the function decides, and its output is recorded with an id derived from the input id, so a
 * redelivery re-emits the same event and downstream consumers dedupe it too.</li>
 * </ol>
 * Output messages carry binary-mode CloudEvent headers with the binder's prefix ({@code ce_} on Kafka) and the
 * entity id as {@code subject}, which the binder configuration uses as the partition/routing key.
 */
@Component
public class EventProcessing {

	private final EventLedger ledger;

	private final ObjectMapper json;

	private final Clock clock;

	private final String source;

	private final String headerPrefix;

	EventProcessing(EventLedger ledger, ObjectMapper json, Clock clock,
			@Value("${daca.events.source:/daca}") String source,
			@Value("${daca.events.header-prefix:ce_}") String headerPrefix) {
		this.ledger = ledger;
		this.json = json;
		this.clock = clock;
		this.source = source;
		this.headerPrefix = headerPrefix;
	}

	/**
	 * @param consumer the consumer's name (its dedupe scope)
	 * @param accepted the CloudEvent types it accepts
	 * @param decision the domain function; a null result emits nothing
	 * @param outputType the CloudEvent type of what it emits, from its output
	 * @param subjectOf the entity id of the output (ordering key)
	 */
	public <I, O> Function<Message<I>, Message<byte[]>> process(String consumer, Set<String> accepted,
			Function<I, O> decision, Function<O, String> outputType, Function<O, String> subjectOf) {
		return message -> {
			String eventId = requireEvent(consumer, accepted, message);
			String type = CloudEventMessageUtils.getType(message);
			Emitted emitted = ledger.once(consumer, eventId, type, CloudEventMessageUtils.getSubject(message), () -> {
				O output;
				try {
					output = decision.apply(message.getPayload());
				}
				catch (ClassCastException ex) {
					// the runtime hands over a payload it could not convert as it is: not the JSON this topic carries
					throw new UnexpectedEvent(consumer + ": the data of event " + eventId + " is not a valid " + type
							+ " document");
				}
				if (output == null) {
					return Emitted.NOTHING;
				}
				String outputId = UUID.nameUUIDFromBytes((consumer + "|" + eventId).getBytes(StandardCharsets.UTF_8))
					.toString();
				return new Emitted(outputId, outputType.apply(output), subjectOf.apply(output), serialise(output));
			});
			return emitted.isNothing() ? null : toMessage(emitted, eventId);
		};
	}

	/**
	 * The id of a CloudEvent of an accepted type; otherwise {@link UnexpectedEvent} (dead letter, no retry).
	 * @param consumer the consumer's name, for the message
	 */
	public String requireEvent(String consumer, Set<String> accepted, Message<?> message) {
		String eventId = CloudEventMessageUtils.getId(message);
		String type = CloudEventMessageUtils.getType(message);
		if (eventId == null || eventId.isBlank()) {
			throw new UnexpectedEvent(consumer + ": not a CloudEvent (no id attribute)");
		}
		if (type == null || !accepted.contains(type)) {
			throw new UnexpectedEvent(consumer + ": CloudEvent type '" + type + "' is not one of " + accepted);
		}
		return eventId;
	}

	/** A consumer at the end of a path: accepts the same CloudEvents, once per event id, and emits nothing. */
	public <I> java.util.function.Consumer<Message<I>> consume(String consumer, Set<String> accepted,
			java.util.function.Consumer<I> sink) {
		Function<Message<I>, Message<byte[]>> function = process(consumer, accepted, payload -> {
			sink.accept(payload);
			return null;
		}, output -> null, output -> null);
		return function::apply;
	}

	/** A new CloudEvent for data that enters the system (HTTP publish). */
	public Message<byte[]> newEvent(String id, String type, String subject, byte[] data) {
		return CloudEventMessageBuilder.withData(data)
			.setId(id)
			.setSource(URI.create(source))
			.setType(type)
			.setSubject(subject)
			.setTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
			.setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
			.build(headerPrefix);
	}

	private Message<byte[]> toMessage(Emitted emitted, String causationId) {
		return CloudEventMessageBuilder.withData(emitted.payload().getBytes(StandardCharsets.UTF_8))
			.setId(emitted.eventId())
			.setSource(URI.create(source))
			.setType(emitted.type())
			.setSubject(emitted.subject())
			.setTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
			.setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
			.setHeader(headerPrefix + "causationid", causationId)
			.build(headerPrefix);
	}

	private String serialise(Object output) {
		try {
			return json.writeValueAsString(output);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot serialise " + output.getClass().getSimpleName(), ex);
		}
	}
}
