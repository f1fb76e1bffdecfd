package dev.daca.hitl.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.daca.hitl.security.Reviewer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live inbox: each open page holds a server-sent-events stream; a request filed (after its commit, so the page
 * can read it) is pushed to the pages of reviewers whose groups may work on it. The page then reloads its list.
 */
@Component
class InboxUpdates {

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private record Subscriber(Reviewer reviewer, SseEmitter emitter) {
	}

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	SseEmitter subscribe(Reviewer reviewer) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		Subscriber subscriber = new Subscriber(reviewer, emitter);
		subscribers.add(subscriber);
		emitter.onCompletion(() -> subscribers.remove(subscriber));
		emitter.onTimeout(() -> subscribers.remove(subscriber));
		emitter.onError(ex -> subscribers.remove(subscriber));
		try {
			// tells the page the stream is up (the browser tests wait for it)
			emitter.send(SseEmitter.event().name("ready").data("ok"));
		}
		catch (IOException ex) {
			subscribers.remove(subscriber);
		}
		return emitter;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void filed(ReviewFiled filed) {
		for (Subscriber subscriber : subscribers) {
			if (subscriber.reviewer().mayWorkOn(filed.candidateGroup())) {
				try {
					subscriber.emitter().send(SseEmitter.event().name("review").id(filed.reviewId()).data(filed.reviewId()));
				}
				catch (IOException | IllegalStateException ex) {
					subscribers.remove(subscriber);
				}
			}
		}
	}

	/** Closing: end the open streams, so the server does not wait for pages that would hold them for 30 minutes. */
	@jakarta.annotation.PreDestroy
	void close() {
		subscribers.forEach(subscriber -> subscriber.emitter().complete());
		subscribers.clear();
	}

	int subscribers() {
		return subscribers.size();
	}
}
