package dev.daca.functions.home;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.home.CommandLexicon.Clause;
import dev.daca.functions.home.CommandParser.Step;
import dev.daca.functions.home.IntentClassifier.Guess;

/**
 * The {@code actuate} function: a reading or a command in, a {@link HomePlan} out.
 * <ul>
 * <li>Readings: {@link HomeRules} (RULES tier).</li>
 * <li>Commands: {@link CommandParser} (RULES tier, confidence {@value #PARSED}); the clauses it is not sure of go
 * to the {@link IntentClassifier} (EMBEDDING tier, calibrated confidence). Below {@link #ACT_THRESHOLD} a clause
 * yields no action ("not understood": the plan is MEDIUM risk and low confidence), except that a HIGH-impact best
 * guess is proposed for approval ("did you mean ...?"), which the homeowner must approve anyway. Negated clauses
 * ("don't ...") yield no action.</li>
 * <li>When an LLM is configured and the plan's confidence is below its threshold, the model may re-read the command
 * (verbs and devices from a closed vocabulary); impact and approval are re-derived from {@link ImpactTable}, never
 * taken from the model. On any failure the embedded plan stands.</li>
 * </ul>
 * Every HIGH-impact action has {@code requiresApproval = true} (enforced by {@link DeviceAction} itself).
 */
public class Actuate implements Function<HomeSignal, HomePlan> {

	/** Below this confidence a command's clause is not acted on. */
	public static final double ACT_THRESHOLD = 0.60;

	static final double PARSED = 0.95;

	static final double NEGATED = 0.90;

	static final double NOT_A_COMMAND = 0.20;

	static final int PLAUSIBLE_TOP = 3;

	static final double PLAUSIBLE_GAP = 0.10;

	/** The confidence given to an LLM reading: a prior, not calibrated (it is only asked when the rest is unsure). */
	static final double LLM_CONFIDENCE = 0.70;

	static final String INSTRUCTIONS = """
			You turn a smart-home command into device steps. Answer with steps: each has verb (one of %s), device \
			(one of %s), room (or null) and celsius (only for set-temperature). Answer with no steps if the command \
			asks for nothing a home device can do, or says not to do something."""
		.formatted(ImpactTable.VERBS, ImpactTable.DEVICES);

	/** The model's reading of a command. */
	record LlmPlan(List<LlmStep> steps) {
	}

	record LlmStep(String verb, String device, String room, Double celsius) {
	}

	private final CommandParser parser;

	private final IntentClassifier classifier;

	private final HomeRules rules = new HomeRules();

	private final LanguageModelEscalation llm;

	private final DecisionMeter meter;

	public Actuate(SentenceEmbeddings embeddings, LanguageModelEscalation llm, DecisionMeter meter) {
		CommandLexicon lexicon = CommandLexicon.shipped();
		this.parser = new CommandParser(lexicon);
		this.classifier = new IntentClassifier(embeddings, parser, IntentClassifier.shippedIntents());
		this.llm = llm;
		this.meter = meter;
	}

	/** Embed the intent exemplars and calibrate now, so the first unclear command does not wait. */
	public void warmUp() {
		classifier.prepare();
	}

	IntentClassifier classifier() {
		return classifier;
	}

	@Override
	public HomePlan apply(HomeSignal signal) {
		InvalidInput.require(signal != null, "a reading or a command is required");
		HomePlan plan = switch (signal) {
			case SensorReading reading -> rules.plan(reading);
			case Command command -> command(command);
		};
		meter.record(HomePlan.FUNCTION, plan.decidedBy());
		return plan;
	}

	/** One clause's contribution to the plan. */
	private record Reading(List<DeviceAction> actions, double confidence, Tier tier, String note) {
	}

	private HomePlan command(Command command) {
		List<Reading> readings = parser.clauses(command.text()).stream().map(this::read).toList();
		List<DeviceAction> actions = new ArrayList<>();
		readings.forEach(r -> actions.addAll(r.actions()));
		double confidence = readings.stream().mapToDouble(Reading::confidence).min().orElse(NOT_A_COMMAND);
		boolean embedded = readings.stream().anyMatch(r -> r.tier() == Tier.EMBEDDING);
		String rationale = String.join("; ", readings.stream().map(Reading::note).toList());
		HomePlan plan = HomePlan.of(command.homeId(), actions, confidence, rationale,
				embedded ? DecidedBy.embedding("intent-exemplars") : DecidedBy.rules("command-lexicon"));
		if (llm.wants(plan.confidence())) {
			return llm.ask(INSTRUCTIONS, command.text(), LlmPlan.class, answer -> fromModel(command, answer),
					reason -> plan.withDecidedBy(plan.decidedBy().fellBackBecause(reason)));
		}
		return plan;
	}

	private Reading read(Clause clause) {
		if (clause.negated()) {
			return new Reading(List.of(), NEGATED, Tier.RULES, "not doing \"" + clause.text() + "\" (negated)");
		}
		Optional<List<Step>> steps = parser.steps(clause);
		if (steps.isPresent()) {
			return new Reading(actionsFor(steps.get(), clause.rooms(), "asked: " + clause.text()), PARSED, Tier.RULES,
					"parsed \"" + clause.text() + "\"");
		}
		Guess guess = classifier.classify(clause.text());
		String intent = guess.intent().name();
		String scores = String.format(java.util.Locale.ROOT, "similarity %.2f, margin %.2f, confidence %.2f",
				guess.similarity(), guess.margin(), guess.confidence());
		if (intent.equals("none")) {
			return new Reading(List.of(), Math.min(NOT_A_COMMAND, guess.confidence()), Tier.EMBEDDING,
					"\"" + clause.text() + "\" is not a home command (" + scores + ")");
		}
		Map<String, Object> parameters = new HashMap<>();
		if (guess.intent().verb().equals("set-temperature")) {
			if (clause.number() == null) {
				return new Reading(List.of(), Math.min(guess.confidence(), 0.3), Tier.EMBEDDING,
						"\"" + clause.text() + "\" sounds like a thermostat setting but names no temperature");
			}
			parameters.put("celsius", clause.number());
		}
		Step step = new Step(guess.intent().verb(), guess.intent().device(), parameters);
		if (guess.confidence() >= ACT_THRESHOLD) {
			return new Reading(actionsFor(List.of(step), clause.rooms(), "understood as " + intent + ": "
					+ clause.text()), guess.confidence(), Tier.EMBEDDING, "\"" + clause.text() + "\" read as " + intent
					+ " (" + scores + ")");
		}
		Optional<IntentClassifier.Intent> risky = plausibleHighImpact(guess);
		if (risky.isPresent()) {
			Step asked = new Step(risky.get().verb(), risky.get().device(), Map.of());
			return new Reading(actionsFor(List.of(asked), clause.rooms(), "unsure; did you mean "
					+ risky.get().name() + "? " + clause.text()), guess.confidence(), Tier.EMBEDDING,
					"\"" + clause.text() + "\" might mean " + risky.get().name() + ", proposed for approval only ("
							+ scores + ")");
		}
		return new Reading(List.of(), guess.confidence(), Tier.EMBEDDING, "not sure what \"" + clause.text()
				+ "\" means; best guess " + intent + " (" + scores + ")");
	}

	/**
	 * An unclear clause that plausibly asks for a HIGH-impact action is put to the homeowner as a question rather
	 * than dropped: a HIGH-impact intent among the {@value #PLAUSIBLE_TOP} best, within {@value #PLAUSIBLE_GAP} of the
	 * best score, when the command is not far from every exemplar. It can only ever be proposed for approval.
	 */
	private static Optional<IntentClassifier.Intent> plausibleHighImpact(Guess guess) {
		if (guess.similarity() < IntentClassifier.FLOOR) {
			return Optional.empty();
		}
		return guess.ranking().stream().limit(PLAUSIBLE_TOP)
			.filter(s -> guess.similarity() - s.similarity() <= PLAUSIBLE_GAP)
			.map(IntentClassifier.Scored::intent)
			.filter(i -> !i.name().equals("none")
					&& ImpactTable.impactOf(i.verb(), i.device(), Map.of()) == Impact.HIGH)
			.findFirst();
	}

	private static List<DeviceAction> actionsFor(List<Step> steps, List<String> rooms, String reason) {
		List<DeviceAction> actions = new ArrayList<>();
		for (Step step : steps) {
			for (String room : rooms.isEmpty() ? Arrays.asList((String) null) : rooms) {
				actions.add(ImpactTable.action(step.verb(), step.device(), room, step.parameters(), reason));
			}
		}
		return actions;
	}

	private HomePlan fromModel(Command command, LlmPlan answer) {
		List<DeviceAction> actions = new ArrayList<>();
		for (LlmStep s : answer.steps() == null ? List.<LlmStep>of() : answer.steps()) {
			InvalidInput.require(s.verb() != null && ImpactTable.VERBS.contains(s.verb()), "unknown verb " + s.verb());
			InvalidInput.require(s.device() != null && ImpactTable.DEVICES.contains(s.device()),
					"unknown device " + s.device());
			Map<String, Object> parameters = new HashMap<>();
			if (s.verb().equals("set-temperature")) {
				InvalidInput.require(s.celsius() != null, "set-temperature without celsius");
				parameters.put("celsius", s.celsius());
			}
			actions.add(ImpactTable.action(s.verb(), s.device(), s.room(), parameters, "llm reading: "
					+ command.text()));
		}
		return HomePlan.of(command.homeId(), actions, LLM_CONFIDENCE, "read by the language model",
				llm.decidedBy());
	}
}
