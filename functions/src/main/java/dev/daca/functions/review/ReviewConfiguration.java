package dev.daca.functions.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The review gate: the policy in force and the {@code request-review} function. The policy comes from
 * {@code daca.review.policy-file} when set (watched for edits), else from the classpath default.
 */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

	@Bean
	ReviewPolicies reviewPolicies(@Value("${daca.review.policy-file:}") String policyFile,
			@Value("${daca.review.policy-poll:PT5S}") Duration poll) throws IOException {
		if (!policyFile.isBlank()) {
			ReviewPolicies policies = ReviewPolicies.watching(Path.of(policyFile));
			policies.watchEvery(poll);
			return policies;
		}
		try (InputStream in = new ClassPathResource("review/review-policy.yml").getInputStream()) {
			return ReviewPolicies.from(in);
		}
	}

	@Bean("request-review")
	RequestReview requestReview(ReviewPolicies policies, Clock clock, ObjectMapper objectMapper) {
		return new RequestReview(policies, clock, objectMapper);
	}
}
