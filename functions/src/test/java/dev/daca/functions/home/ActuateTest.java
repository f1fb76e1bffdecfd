package dev.daca.functions.home;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.ScriptedLanguageModel;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.review.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActuateTest {

	static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();

	static final Actuate ACTUATE = new Actuate(EMBEDDINGS, LanguageModelEscalation.none(), DecisionMeter.global());

	private static HomePlan command(String text) {
		return ACTUATE.apply(new Command("home-1", text, "alice"));
	}

	private static HomePlan reading(String sensor, Double value, String state, String room, String at,
			Boolean occupied) {
		return ACTUATE.apply(new SensorReading("home-1", sensor + "-1", sensor, value, state, room,
				Instant.parse(at), occupied));
	}

	@Test
	void unlockFrontDoorNeedsApprovalAndIsNeverDirect() {
		HomePlan plan = command("unlock front door");
		assertThat(plan.actions()).singleElement().satisfies(a -> {
			assertThat(a.action()).isEqualTo("unlock");
			assertThat(a.target()).isEqualTo("door/front");
			assertThat(a.impact()).isEqualTo(Impact.HIGH);
			assertThat(a.requiresApproval()).isTrue();
		});
		assertThat(plan.approvalsNeeded()).isEqualTo(1);
		assertThat(plan.risk()).isEqualTo(Risk.HIGH);
		assertThat(plan.flags()).containsExactly("unlock");
		assertThat(plan.decidedBy().tier()).isEqualTo(Tier.RULES);
		assertThat(plan.proposedAction().kind()).isEqualTo("execute-actions");
		assertThat(plan.proposedAction().parameters()).containsEntry("homeId", "home-1");
	}

	@Test
	void aHighImpactActionCannotBeBuiltWithoutApproval() {
		assertThatThrownBy(() -> new DeviceAction("door/front", "unlock", Map.of(), Impact.HIGH, false, "x"))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("requiresApproval");
	}

	@Test
	void parsesLowImpactCommandsWithRoomsAndNumbers() {
		HomePlan lights = command("turn off the kitchen lights");
		assertThat(lights.actions()).singleElement().satisfies(a -> {
			assertThat(a.action()).isEqualTo("turn-off");
			assertThat(a.target()).isEqualTo("lights/kitchen");
			assertThat(a.requiresApproval()).isFalse();
		});
		assertThat(lights.risk()).isEqualTo(Risk.LOW);
		HomePlan thermostat = command("set thermostat to 21");
		assertThat(thermostat.actions()).singleElement().satisfies(a -> {
			assertThat(a.action()).isEqualTo("set-temperature");
			assertThat(a.parameters()).containsEntry("celsius", 21.0);
			assertThat(a.impact()).isEqualTo(Impact.LOW);
		});
		HomePlan two = command("turn off the lights in the garage and lock the back door");
		assertThat(two.actions()).extracting(DeviceAction::action, DeviceAction::target)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("turn-off", "lights/garage"),
					org.assertj.core.groups.Tuple.tuple("lock", "door/back"));
	}

	@Test
	void negationMeansNoAction() {
		HomePlan plan = command("don't unlock the front door");
		assertThat(plan.actions()).isEmpty();
		assertThat(plan.risk()).isEqualTo(Risk.LOW);
	}

	@Test
	void unclearCommandsGoToTheEmbeddingTierAndUnknownOnesDoNothing() {
		HomePlan warm = command("brr, I'm freezing");
		assertThat(warm.decidedBy().tier()).isEqualTo(Tier.EMBEDDING);
		HomePlan pizza = command("order a large pepperoni pizza");
		assertThat(pizza.actions()).isEmpty();
		assertThat(pizza.confidence()).isLessThan(Actuate.ACT_THRESHOLD);
		assertThat(pizza.risk()).isEqualTo(Risk.MEDIUM);
	}

	@Test
	void homeRules() {
		HomePlan smoke = reading("smoke", 1.0, null, "kitchen", "2026-11-01T12:00:00Z", true);
		assertThat(smoke.actions()).extracting(DeviceAction::action).containsExactly("sound-alarm", "notify", "turn-off");
		assertThat(smoke.approvalsNeeded()).isZero();
		HomePlan leak = reading("water-leak", null, "wet", "basement", "2026-11-01T12:00:00Z", null);
		assertThat(leak.actions()).extracting(DeviceAction::action, DeviceAction::impact)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("close", Impact.MEDIUM),
					org.assertj.core.groups.Tuple.tuple("notify", Impact.LOW));
		assertThat(reading("motion", null, "detected", "hallway", "2026-11-01T02:00:00Z", false).flags())
			.containsExactly("notify");
		assertThat(reading("motion", null, "detected", "hallway", "2026-11-01T14:00:00Z", true).actions()).isEmpty();
		assertThat(reading("temperature", 31.0, null, "office", "2026-11-01T14:00:00Z", true).actions())
			.extracting(DeviceAction::target).containsExactly("ac/office");
	}

	@Test
	void anLlmCannotWaiveApproval() {
		LanguageModel model = ScriptedLanguageModel
			.answering(new Actuate.LlmPlan(List.of(new Actuate.LlmStep("open", "garage", null, null))));
		Actuate withLlm = new Actuate(EMBEDDINGS, new LanguageModelEscalation(model, 0.99), DecisionMeter.global());
		HomePlan plan = withLlm.apply(new Command("home-1", "could you sort out the car situation", "bob"));
		assertThat(plan.decidedBy().tier()).isEqualTo(Tier.LLM);
		assertThat(plan.actions()).singleElement().satisfies(a -> {
			assertThat(a.impact()).isEqualTo(Impact.HIGH);
			assertThat(a.requiresApproval()).isTrue();
		});
	}

	@Test
	void validatesInput() {
		assertThatThrownBy(() -> new Command(" ", "unlock", "a")).hasMessageContaining("homeId");
		assertThatThrownBy(() -> new Command("h", "x".repeat(501), "a")).hasMessageContaining("500");
		assertThatThrownBy(() -> new SensorReading("h", "d", "radiation", 1.0, null, null, Instant.EPOCH, null))
			.hasMessageContaining("sensor");
	}

	@Test
	void jsonRoundTrips() throws Exception {
		ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
			.addModule(new HomeConfiguration().homeOutcomeModule()).build();
		HomeSignal in = json.readValue("""
				{"signal":"command","homeId":"home-1","text":"unlock front door","requestedBy":"alice"}""",
				HomeSignal.class);
		assertThat(in).isInstanceOf(Command.class);
		HomeSignal reading = json.readValue("""
				{"signal":"reading","homeId":"home-1","deviceId":"smoke-k","sensor":"smoke","state":"detected",
				 "room":"kitchen","at":"2026-11-01T12:00:00Z"}""", HomeSignal.class);
		assertThat(reading).isInstanceOf(SensorReading.class);
		HomePlan plan = ACTUATE.apply(in);
		String text = json.writeValueAsString(plan);
		assertThat(text).contains("\"function\":\"actuate\"");
		Outcome back = json.readValue(text, Outcome.class);
		assertThat(back).isEqualTo(plan);
		assertThat(back.proposedAction().sha256()).isEqualTo(plan.proposedAction().sha256());
	}
}
