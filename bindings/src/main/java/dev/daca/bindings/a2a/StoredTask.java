package dev.daca.bindings.a2a;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An A2A task as the store keeps it: the A2A JSON plus what it is looked up by. */
@Entity
@Table(name = "a2a_task")
class StoredTask {

	@Id
	@Column(name = "task_id")
	private String taskId;

	@Column(name = "context_id")
	private String contextId;

	private String skill;

	private String state;

	@Column(name = "review_id")
	private String reviewId;

	@Column(columnDefinition = "text")
	private String task;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected StoredTask() {
	}

	StoredTask(String taskId, String contextId, String skill) {
		this.taskId = taskId;
		this.contextId = contextId;
		this.skill = skill;
	}

	void update(String state, String reviewId, String task, Instant at) {
		this.state = state;
		this.reviewId = reviewId == null ? this.reviewId : reviewId;
		this.task = task;
		this.updatedAt = at;
	}

	String taskId() { return taskId; }
	String skill() { return skill; }
	String reviewId() { return reviewId; }
	String task() { return task; }
}
