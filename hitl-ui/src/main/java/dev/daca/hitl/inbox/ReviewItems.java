package dev.daca.hitl.inbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The inbox's review requests. */
public interface ReviewItems extends JpaRepository<ReviewItem, String>, JpaSpecificationExecutor<ReviewItem> {

	List<ReviewItem> findByStatusOrderByPriorityDescRequestedAtDesc(ReviewStatus status, Limit limit);

	List<ReviewItem> findByFunctionAndStatusOrderByRequestedAtDesc(String function, ReviewStatus status, Limit limit);

	long countByStatus(ReviewStatus status);

	List<ReviewItem> findByStatusInAndDueAtBefore(List<ReviewStatus> statuses, Instant now, Limit limit);
}
