package dev.daca.bindings.a2a;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.a2a.spec.AgentSkill;

import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.functions.triage.TriageAssessment;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The agent's skills, one per function: how a message becomes the function's input (a data part is the input
 * record's JSON; a text part fills the function's text field) and the function to call. Thin: the functions decide.
 */
@Component
class A2aSkills {

	/**
	 * One skill.
	 * @param fromText the input JSON for a text-only message (text, task's context id), when the skill takes text
	 */
	record Skill(String id, String name, String description, List<String> examples, Class<?> input,
			Function<Object, Object> function, Optional<BiFunction<String, String, Map<String, Object>>> fromText) {

		AgentSkill card() {
			return new AgentSkill.Builder().id(id)
				.name(name)
				.description(description)
				.tags(List.of("daca", id))
				.examples(examples)
				.inputModes(fromText.isPresent() ? List.of("application/json", "text/plain") : List.of("application/json"))
				.outputModes(List.of("application/json"))
				.build();
		}
	}

	private final Map<String, Skill> skills = new LinkedHashMap<>();

	@SuppressWarnings("unchecked")
	A2aSkills(@Qualifier(ModerationVerdict.FUNCTION) Function<Post, ModerationVerdict> classify,
			@Qualifier(TriageAssessment.FUNCTION) Function<SymptomReport, TriageAssessment> diagnose,
			@Qualifier(Recommendations.FUNCTION) Function<ShopperActivity, Recommendations> recommend,
			@Qualifier(HomePlan.FUNCTION) Function<HomeSignal, HomePlan> actuate,
			@Qualifier("request-review") Function<Outcome, ReviewRouting> requestReview) {
		add(new Skill("classify", "Content moderation",
				"Classify a post: safe, spam, harassment, hate, sexual, violence or self-harm, with severity, "
						+ "confidence, rationale and evidence. Uncertain or harmful verdicts go to a moderator "
						+ "(the task turns input-required).",
				List.of("People like you are subhuman vermin and should be wiped out",
						"{\"postId\":\"p-1\",\"text\":\"Great match last night!\"}"),
				Post.class, (Function<Object, Object>) (Function<?, ?>) classify,
				Optional.of((text, context) -> Map.of("postId", context, "text", text))));
		add(new Skill("diagnose", "Symptom triage",
				"Triage symptoms: urgency, red flags and candidate conditions (not medical advice). Urgent and "
						+ "emergency triage goes to a clinician (input-required).",
				List.of("crushing chest pain and shortness of breath",
						"{\"patientId\":\"pt-1\",\"symptoms\":\"mild sore throat for 2 days\",\"age\":30}"),
				SymptomReport.class, (Function<Object, Object>) (Function<?, ?>) diagnose,
				Optional.of((text, context) -> Map.of("patientId", context, "symptoms", text))));
		add(new Skill("recommend", "Product recommendations",
				"Recommend products from a shopper's recent views, carts and purchases, each with a reason.",
				List.of("{\"userId\":\"u-1\",\"events\":[{\"productId\":\"P001\",\"kind\":\"viewed\"}]}"),
				ShopperActivity.class, (Function<Object, Object>) (Function<?, ?>) recommend, Optional.empty()));
		add(new Skill("actuate", "Smart-home planning",
				"Plan what a home does for a command or a sensor reading. Nothing is executed: high-impact actions "
						+ "(unlock, disarm, open) are filed for the homeowner's approval and the task turns "
						+ "input-required.",
				List.of("unlock front door", "turn on the kitchen lights",
						"{\"signal\":\"reading\",\"homeId\":\"h-1\",\"deviceId\":\"smoke-1\",\"sensor\":\"smoke\","
								+ "\"state\":\"detected\",\"at\":\"2025-01-01T03:00:00Z\"}"),
				HomeSignal.class, (Function<Object, Object>) (Function<?, ?>) actuate,
				Optional.of((text, context) -> Map.of("signal", "command", "homeId", context, "text", text))));
		add(new Skill("request-review", "Review gate",
				"Decide whether a person must look at an outcome of classify, diagnose, recommend or actuate (send "
						+ "the outcome as a data part). Files nothing.",
				List.of("{\"function\":\"actuate\",\"homeId\":\"h-1\",\"actions\":[],\"approvalsNeeded\":0,"
						+ "\"confidence\":0.95,\"rationale\":\"\",\"decidedBy\":{\"engine\":\"embedded\","
						+ "\"tier\":\"rules\",\"method\":\"command-lexicon\"}}"),
				Outcome.class, (Function<Object, Object>) (Function<?, ?>) requestReview, Optional.empty()));
	}

	private void add(Skill skill) {
		skills.put(skill.id(), skill);
	}

	Optional<Skill> find(String id) {
		return Optional.ofNullable(id).map(skills::get);
	}

	List<Skill> all() {
		return List.copyOf(skills.values());
	}
}
