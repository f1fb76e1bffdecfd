package dev.daca.bindings.schedule;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code daca.retention}: how long scheduled-run records are kept. (Review requests: {@code daca.hitl.retention}, the
 * inbox's own setting.)
 */
@ConfigurationProperties("daca.retention")
record RetentionProperties(@DefaultValue("P30D") Period scheduledRuns) {
}
