package dev.daca.bindings.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.daca.functions.review.ReviewPolicies;
import dev.daca.functions.review.ReviewPolicy;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The review policy in force, at {@code /actuator/reviewpolicy}: read it, or put a new one in force without a
 * restart by posting {@code {"yaml": "<the whole policy>"}}. An invalid policy is refused (400) and the one in force
 * stays. When the policy came from {@code daca.review.policy-file}, the file is rewritten too, so the change survives
 * a restart; across replicas, the file (a ConfigMap, a mounted secret) is the source every replica re-reads.
 */
@Component
@Endpoint(id = "reviewpolicy")
class ReviewPolicyEndpoint {

	private final ReviewPolicies policies;

	ReviewPolicyEndpoint(ReviewPolicies policies) {
		this.policies = policies;
	}

	@ReadOperation
	Map<String, Object> policy() {
		ReviewPolicy current = policies.current();
		return Map.of("functions", current.functions(), "yaml", ReviewPolicies.toYaml(current));
	}

	@WriteOperation
	Map<String, Object> replace(String yaml) throws IOException {
		policies.replace(ReviewPolicies.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
		return policy();
	}
}
