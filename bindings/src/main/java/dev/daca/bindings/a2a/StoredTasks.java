package dev.daca.bindings.a2a;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredTasks extends JpaRepository<StoredTask, String> {

	List<StoredTask> findByReviewId(String reviewId);
}
