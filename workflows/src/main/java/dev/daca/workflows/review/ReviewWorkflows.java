package dev.daca.workflows.review;

import java.util.Optional;

import io.dapr.client.DaprClient;

import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which workflow instance waits for which review request, kept in the Dapr state store (durable, survives app and
 * sidecar restarts), so the HITL side can deliver a decision knowing only the review id.
 */
@Component
@OnDaprWorkflows
public class ReviewWorkflows {

	private final DaprClient dapr;

	private final String store;

	ReviewWorkflows(DaprClient dapr, @Value("${daca.workflows.state-store:statestore}") String store) {
		this.dapr = dapr;
		this.store = store;
	}

	void remember(String reviewId, String instanceId) {
		dapr.saveState(store, key(reviewId), instanceId).block();
	}

	public Optional<String> instanceFor(String reviewId) {
		return Optional.ofNullable(dapr.getState(store, key(reviewId), String.class).block())
			.map(state -> state.getValue());
	}

	private static String key(String reviewId) {
		return "review-workflow-" + reviewId;
	}
}
