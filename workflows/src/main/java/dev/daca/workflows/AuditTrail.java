package dev.daca.workflows;

import java.time.Clock;

import io.dapr.client.DaprClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Security-relevant events of a workflow (a refused dispatch), kept in the Dapr state store under
 * {@code audit-<instanceId>} and logged at WARN.
 */
@Component
@OnDaprWorkflows
public class AuditTrail {

	/** One audited event. */
	public record AuditEntry(String instanceId, String event, String detail, String approvedHash, String actualHash,
			String at) {
	}

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private final DaprClient dapr;

	private final String store;

	private final Clock clock;

	AuditTrail(DaprClient dapr, @Value("${daca.workflows.state-store:statestore}") String store, Clock clock) {
		this.dapr = dapr;
		this.store = store;
		this.clock = clock;
	}

	public AuditEntry record(String instanceId, String event, String detail, String approvedHash, String actualHash) {
		AuditEntry entry = new AuditEntry(instanceId, event, detail, approvedHash, actualHash,
				clock.instant().toString());
		log.warn("AUDIT {} {}: {} (approved {}, actual {})", instanceId, event, detail, approvedHash, actualHash);
		dapr.saveState(store, "audit-" + instanceId, entry).block();
		return entry;
	}
}
