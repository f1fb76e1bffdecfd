package dev.daca.bindings.reviewcounts;

import java.time.Instant;
import java.util.Map;

/**
 * The review queue at one moment, per function (classify, diagnose, recommend, actuate; zero included): requests
 * still waiting for a decision ({@code review_request.status} PENDING or CLAIMED), and how many of those are past
 * their due time. {@code countedAt}: when the count query ran, so a reader sees how old a cached count is.
 */
public record ReviewCounts(Map<String, Long> pending, Map<String, Long> overdue, Instant countedAt) {

	public ReviewCounts {
		pending = Map.copyOf(pending);
		overdue = Map.copyOf(overdue);
	}
}
