package dev.daca.functions.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy is data: read from YAML, replaced at runtime, re-read when its file changes, never broken by a bad edit. */
class ReviewPoliciesTests {

	@TempDir
	Path dir;

	@Test
	void theShippedPolicyParses() throws Exception {
		try (var in = getClass().getResourceAsStream("/review/review-policy.yml")) {
			ReviewPolicy policy = ReviewPolicies.parse(in);
			assertThat(policy.functions()).containsOnlyKeys("classify", "diagnose", "actuate", "recommend");
			assertThat(policy.ruleFor("actuate").orElseThrow().atOrAboveRisk()).isEqualTo(Risk.HIGH);
			assertThat(policy.ruleFor("diagnose").orElseThrow().bulkDecisionAllowed()).isFalse();
		}
	}

	@Test
	void anEditedFileIsPickedUpWithoutARestartAndABadEditKeepsThePreviousPolicy() throws Exception {
		Path file = dir.resolve("policy.yml");
		Files.writeString(file, "classify:\n  below-confidence: 0.90\n");
		ReviewPolicies policies = ReviewPolicies.watching(file);
		assertThat(policies.current().ruleFor("classify").orElseThrow().belowConfidence()).isEqualTo(0.90);

		Files.writeString(file, "classify:\n  below-confidence: 0.75\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(policies.reloadIfChanged()).isTrue();
		assertThat(policies.current().ruleFor("classify").orElseThrow().belowConfidence()).isEqualTo(0.75);

		Files.writeString(file, "classify:\n  below-confidence: 7\n  no-such-key: x\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
		assertThat(policies.reloadIfChanged()).isFalse();
		assertThat(policies.current().ruleFor("classify").orElseThrow().belowConfidence()).isEqualTo(0.75);
	}

	@Test
	void aReplacedPolicyIsWrittenBackToItsFile() throws Exception {
		Path file = dir.resolve("policy.yml");
		Files.writeString(file, "classify:\n  below-confidence: 0.90\n");
		ReviewPolicies policies = ReviewPolicies.watching(file);

		policies.replace(ReviewPolicies.parse(new java.io.ByteArrayInputStream(
				"actuate:\n  at-or-above-risk: medium\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));

		assertThat(ReviewPolicies.watching(file).current().ruleFor("actuate").orElseThrow().atOrAboveRisk())
			.isEqualTo(Risk.MEDIUM);
		assertThat(policies.current().ruleFor("classify")).isEmpty();
	}

	@Test
	void anInvalidPolicyIsRefusedWithTheReason() {
		assertThatThrownBy(() -> ReviewPolicies.parse(new java.io.ByteArrayInputStream(
				"classify:\n  below-confidence: 1.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("belowConfidence must be in [0,1]");
	}
}
