package dev.daca.workflows;

import java.time.Duration;

import io.dapr.workflows.WorkflowTaskOptions;
import io.dapr.workflows.WorkflowTaskRetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every activity of every workflow is retried when it fails ({@code daca.workflows.retry.*}): at most
 * {@code maxAttempts} calls in all, waiting {@code firstInterval}, then that times {@code backoffCoefficient} per
 * attempt, capped at {@code maxInterval}. The waits are durable timers in the workflow's history, so a retry
 * survives a restart of the app or the sidecar. Daprd 1.16 applies no resiliency policy to activities (see
 * deploy/dapr/components/common/resiliency.yaml): this is where activities get theirs. Read at replay too: change it
 * only while no workflow is between attempts.
 */
@ConfigurationProperties("daca.workflows.retry")
public record RetrySettings(@DefaultValue("6") int maxAttempts, @DefaultValue("1s") Duration firstInterval,
		@DefaultValue("2.0") double backoffCoefficient, @DefaultValue("30s") Duration maxInterval) {

	public RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("daca.workflows.retry.max-attempts must be at least 1, not " + maxAttempts);
		}
		if (firstInterval == null || firstInterval.isNegative() || firstInterval.isZero()) {
			throw new IllegalArgumentException("daca.workflows.retry.first-interval must be positive");
		}
		if (backoffCoefficient < 1.0) {
			throw new IllegalArgumentException(
					"daca.workflows.retry.backoff-coefficient must be at least 1.0, not " + backoffCoefficient);
		}
		if (maxInterval == null || maxInterval.compareTo(firstInterval) < 0) {
			throw new IllegalArgumentException("daca.workflows.retry.max-interval must be at least first-interval");
		}
	}

	WorkflowTaskOptions taskOptions() {
		return new WorkflowTaskOptions(WorkflowTaskRetryPolicy.newBuilder()
			.setMaxNumberOfAttempts(maxAttempts)
			.setFirstRetryInterval(firstInterval)
			.setBackoffCoefficient(backoffCoefficient)
			.setMaxRetryInterval(maxInterval)
			.build());
	}
}
