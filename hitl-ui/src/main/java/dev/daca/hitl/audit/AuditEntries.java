package dev.daca.hitl.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The audit log, in order. */
interface AuditEntries extends JpaRepository<AuditEntry, Long> {

	Optional<AuditEntry> findTopByOrderBySeqDesc();

	List<AuditEntry> findAllByOrderBySeqAsc();

	List<AuditEntry> findByReviewIdOrderBySeqAsc(String reviewId);
}
