package dev.daca.hitl.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** The recorded decisions. */
public interface ReviewDecisions extends JpaRepository<ReviewDecision, String> {

	Optional<ReviewDecision> findByReviewId(String reviewId);

	List<ReviewDecision> findByPublishedAtIsNullAndDecidedAtBeforeOrderByDecidedAt(Instant before, Limit limit);
}
