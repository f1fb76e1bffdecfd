package dev.daca.hitl.inbox;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** The inbox's review requests. */
public interface ReviewItems extends JpaRepository<ReviewItem, String> {

	List<ReviewItem> findByStatusOrderByPriorityDescRequestedAtDesc(ReviewStatus status, Limit limit);

	List<ReviewItem> findByFunctionAndStatusOrderByRequestedAtDesc(String function, ReviewStatus status, Limit limit);

	long countByStatus(ReviewStatus status);
}
