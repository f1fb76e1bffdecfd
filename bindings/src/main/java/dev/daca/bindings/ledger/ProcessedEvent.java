package dev.daca.bindings.ledger;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** That one consumer has processed one event, and what it emitted: the dedupe record. */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {

	public record Key(String consumer, String eventId) implements Serializable {
		public Key() {
			this(null, null);
		}
	}

	@Id
	private String consumer;

	@Id
	@Column(name = "event_id")
	private String eventId;

	@Column(name = "event_type", nullable = false)
	private String eventType;

	private String subject;

	@Column(name = "output_event_id")
	private String outputEventId;

	@Column(name = "output_type")
	private String outputType;

	@Column(name = "output_subject")
	private String outputSubject;

	@Column(name = "output_payload", columnDefinition = "text")
	private String outputPayload;

	@Column(name = "processed_at", nullable = false)
	private Instant processedAt;

	protected ProcessedEvent() {
	}

	ProcessedEvent(String consumer, String eventId, String eventType, String subject, String outputEventId,
			String outputType, String outputSubject, String outputPayload, Instant processedAt) {
		this.consumer = consumer;
		this.eventId = eventId;
		this.eventType = eventType;
		this.subject = subject;
		this.outputEventId = outputEventId;
		this.outputType = outputType;
		this.outputSubject = outputSubject;
		this.outputPayload = outputPayload;
		this.processedAt = processedAt;
	}

	public String consumer() {
		return consumer;
	}

	public String eventId() {
		return eventId;
	}

	public String eventType() {
		return eventType;
	}

	public String subject() {
		return subject;
	}

	public String outputEventId() {
		return outputEventId;
	}

	public String outputType() {
		return outputType;
	}

	public String outputSubject() {
		return outputSubject;
	}

	public String outputPayload() {
		return outputPayload;
	}

	public Instant processedAt() {
		return processedAt;
	}
}
