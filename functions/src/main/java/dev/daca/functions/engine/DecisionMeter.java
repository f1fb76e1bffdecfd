package dev.daca.functions.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts decisions by function, tier and engine ({@code daca.decisions}), so the share of traffic each rung of the
 * ladder takes is visible in {@code /actuator/metrics/daca.decisions} and in Prometheus.
 */
public final class DecisionMeter {

	public static final String METER = "daca.decisions";

	private final MeterRegistry registry;

	public DecisionMeter(MeterRegistry registry) {
		this.registry = registry;
	}

	/** A meter on the global registry (Micrometer's no-op until Spring Boot adds a real one). */
	public static DecisionMeter global() {
		return new DecisionMeter(Metrics.globalRegistry);
	}

	public void record(String function, DecidedBy decidedBy) {
		Counter.builder(METER)
			.description("Outcomes decided, by function, rung of the cost ladder and engine")
			.tag("function", function)
			.tag("tier", decidedBy.tier().json())
			.tag("engine", decidedBy.engine().json())
			.tag("fallback", String.valueOf(decidedBy.fallback() != null))
			.register(registry)
			.increment();
	}
}
