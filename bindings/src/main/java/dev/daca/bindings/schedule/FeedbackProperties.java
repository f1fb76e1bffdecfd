package dev.daca.bindings.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code daca.feedback}: the overturn rate a lower review threshold must provably stay within, the fewest reviews a
 * proposal may rest on, and where the nightly report and labelled examples are written.
 */
@ConfigurationProperties("daca.feedback")
record FeedbackProperties(@DefaultValue("0.05") double targetOverturnRate, @DefaultValue("30") int minSamples,
		@DefaultValue("${daca.data-dir:data}/feedback") String reportDir) {
}
