package dev.daca.bindings.reviewcounts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The review queue's counts as JSON, at most {@code daca.hot-state.review-counts-ttl} old. */
@RestController
class ReviewCountsApi {

	private final ReviewQueueCounts counts;

	ReviewCountsApi(ReviewQueueCounts counts) {
		this.counts = counts;
	}

	@GetMapping("/api/reviews/counts")
	ReviewCounts counts() {
		return counts.current();
	}
}
