package dev.daca.bindings.schedule;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.functions.review.FeedbackAggregation;
import dev.daca.functions.review.ReviewPolicies;

import org.springframework.stereotype.Component;

/**
 * Nightly: the reviews people decided (the inbox's {@code review_decision} records) become labelled examples
 * ({@code examples.jsonl}: outcome, proposed action, the decision, upheld/overturned, the corrected action of an edit)
 * and a per-function report ({@code feedback-report.json}) of how often people overturned the agent (anything but an
 * approval as proposed: see {@link FeedbackAggregation.HumanDecision}), with a proposed review threshold (see
 * {@link FeedbackAggregation}), in {@code daca.feedback.report-dir}. Proposals are not applied: a
 * person edits the review policy ({@code /actuator/reviewpolicy}) after reading them.
 */
@Component
class AggregateFeedback implements ScheduledJob {

	private final ReviewQueue reviews;

	private final ReviewPolicies policies;

	private final FeedbackProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	AggregateFeedback(ReviewQueue reviews, ReviewPolicies policies, FeedbackProperties properties, ObjectMapper json,
			Clock clock) {
		this.reviews = reviews;
		this.policies = policies;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "aggregate-feedback";
	}

	@Override
	public JobReport run() throws IOException {
		List<FeedbackAggregation.FunctionFeedback> report = new FeedbackAggregation(properties.targetOverturnRate(),
				properties.minSamples()).aggregate(reviews.decided(), policies.current());
		Path dir = Files.createDirectories(Path.of(properties.reportDir()));
		List<ReviewQueue.LabelledExample> examples = reviews.labelledExamples();
		Path examplesFile = dir.resolve("examples.jsonl");
		try (Writer out = Files.newBufferedWriter(dir.resolve("examples.jsonl.tmp"), StandardCharsets.UTF_8)) {
			for (ReviewQueue.LabelledExample example : examples) {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("reviewId", example.reviewId());
				line.put("function", example.function());
				line.put("confidence", example.confidence());
				line.put("label", example.label());
				line.put("decision", example.decision().json());
				line.put("outcome", json.readTree(example.outcome()));
				line.put("proposedAction", json.readTree(example.proposedAction()));
				line.put("correctedAction",
						example.correctedAction() == null ? null : json.readTree(example.correctedAction()));
				line.put("reason", example.reason());
				out.write(json.writeValueAsString(line));
				out.write('\n');
			}
		}
		Files.move(dir.resolve("examples.jsonl.tmp"), examplesFile,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		json.writerWithDefaultPrettyPrinter()
			.writeValue(dir.resolve("feedback-report.json").toFile(),
					Map.of("generatedAt", clock.instant().toString(), "functions", report));
		return new JobReport(Map.of("decided", (long) examples.size(), "functions", (long) report.size(),
				"proposals", report.stream().filter(f -> f.proposedThreshold() != null).count()),
				"report in " + dir.toAbsolutePath());
	}
}
