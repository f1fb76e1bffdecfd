package dev.daca.bindings.reviewcounts;

/**
 * The review queue's counts for the inbox header, {@code GET /api/reviews/counts} and the gauges
 * {@code daca.reviews.pending} / {@code daca.reviews.overdue}. The truth stays in SQL ({@link ReviewCountQuery}); no
 * counter is incremented or decremented (it would drift on every retry, escalation, settle or purge). Instead the
 * query's result is reused for {@code daca.hot-state.review-counts-ttl} (10 s): in Redis with the {@code redis}
 * profile, one query per TTL for the whole fleet ({@link RedisReviewQueueCounts}); per instance otherwise
 * ({@link InMemoryReviewQueueCounts}).
 */
public interface ReviewQueueCounts {

	/** The counts, at most {@code review-counts-ttl} old. */
	ReviewCounts current();
}
