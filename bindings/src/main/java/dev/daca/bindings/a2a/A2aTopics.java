package dev.daca.bindings.a2a;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Consumer;

import dev.daca.bindings.stream.EventProcessing;
import dev.daca.bindings.stream.EventTypes;
import dev.daca.hitl.decision.ReviewDecided;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The A2A server's two topic consumers: {@code resumeA2aTasks} (review.decided, group daca-a2a: one replica resumes
 * the waiting tasks, once per decision) and {@code a2aTaskEvents} (a2a.task-events, anonymous group: every replica
 * hands every task event to its streams).
 */
@Configuration(proxyBeanMethods = false)
class A2aTopics {

	@Bean
	Consumer<Message<ReviewDecided>> resumeA2aTasks(EventProcessing events, ReviewResumption resumption) {
		return events.consume("resumeA2aTasks", Set.of(EventTypes.REVIEW_DECIDED), resumption::decided);
	}

	@Bean
	Consumer<Message<byte[]>> a2aTaskEvents(TaskEvents taskEvents) {
		return message -> {
			try {
				taskEvents.deliver(message);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("an a2a.task-events record is not JSON", ex);
			}
		};
	}
}
