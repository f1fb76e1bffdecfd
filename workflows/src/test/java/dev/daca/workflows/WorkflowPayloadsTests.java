package dev.daca.workflows;

import java.util.List;
import java.util.Map;

import io.dapr.durabletask.JacksonDataConverter;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.EngineKind;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.home.DeviceAction;
import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.Impact;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ProposedAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads cross activity boundaries as JSON written by the Dapr SDK's own mapper: an outcome must come back as the
 * same record, and a proposed action must hash the same after the trip (an approval is bound to that hash).
 */
class WorkflowPayloadsTests {

	private final JacksonDataConverter sdk = new JacksonDataConverter();

	private final HomePlan plan = new HomePlan("home-1",
			List.of(new DeviceAction("door/front", "unlock", Map.of("durationSeconds", 30), Impact.HIGH, true, "asked")),
			1, 0.9, "rules", new DecidedBy(EngineKind.EMBEDDED, Tier.RULES, "lexicon", null));

	@Test
	void anOutcomeComesBackAsItsOwnRecord() {
		Outcome back = sdk.deserialize(sdk.serialize(plan), Outcome.class);
		assertThat(back).isInstanceOf(HomePlan.class).isEqualTo(plan);
	}

	@Test
	void aProposedActionHashesTheSameAfterTheTrip() {
		ProposedAction action = plan.proposedAction();
		ProposedAction back = sdk.deserialize(sdk.serialize(action), ProposedAction.class);
		assertThat(back.sha256()).isEqualTo(action.sha256());
		HomePlan planBack = sdk.deserialize(sdk.serialize(plan), HomePlan.class);
		assertThat(planBack.proposedAction().sha256()).isEqualTo(action.sha256());
	}
}
