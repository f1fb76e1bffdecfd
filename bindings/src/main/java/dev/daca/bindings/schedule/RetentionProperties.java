package dev.daca.bindings.schedule;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code daca.retention}: how long decided review requests (approved, rejected, expired; counted from when they were
 * requested) and scheduled-run records are kept. Pending and claimed reviews are never purged.
 */
@ConfigurationProperties("daca.retention")
record RetentionProperties(@DefaultValue("P30D") Period decidedReviews, @DefaultValue("P30D") Period scheduledRuns) {
}
