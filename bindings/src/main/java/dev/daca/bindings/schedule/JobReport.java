package dev.daca.bindings.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one run of a job did: counters (rows escalated, devices checked...) and an optional note. */
public record JobReport(Map<String, Long> counts, String note) {

	public JobReport {
		counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
	}

	public static JobReport of(Map<String, Long> counts) {
		return new JobReport(counts, null);
	}
}
