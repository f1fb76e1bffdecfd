package dev.daca.bindings.ledger;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The dedupe records, by consumer and event id. */
public interface ProcessedEvents extends JpaRepository<ProcessedEvent, ProcessedEvent.Key> {

	List<ProcessedEvent> findByEventIdOrderByProcessedAt(String eventId);

	long countByConsumer(String consumer);
}
