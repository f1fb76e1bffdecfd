package dev.daca.functions.triage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;

/**
 * The {@code diagnose} function: a symptom report in, a {@link TriageAssessment} out, decided on the cheapest rung
 * that is sure enough.
 * <ol>
 * <li>Rules: red-flag rules ({@link RedFlagRules}) make any report that shows an emergency sign EMERGENCY, whatever
 * else it says. Otherwise the symptom lexicon scores the report against the condition knowledge base; when every
 * part of the text was understood and the fit is clear, this rung decides.</li>
 * <li>Embedding: parts of the text no phrase explained (lay wording) are matched to symptom descriptions by the
 * sentence-embedding model, and the report is scored again.</li>
 * <li>LLM, when configured and the confidence is below its threshold. The model can never lower the urgency below
 * the floor the rules set (red flags, age, duration, severity words); when it fails, the embedded assessment stands
 * with the reason.</li>
 * </ol>
 * Confidence is the fit of the best condition, lowered by close rivals (much more for a rival that would call for
 * more urgency, since that is how under-triage happens), by text the engine did not understand and by severity words on a non-urgent assessment, so
 * that the cases it is unsure of go to a clinician under the review policy.
 */
public class Triage implements Function<SymptomReport, TriageAssessment> {

	/** The lexicon rung decides alone from this confidence (the review policy's threshold for diagnose). */
	static final double LEXICON_DECIDES_FROM = 0.80;

	static final double RED_FLAG_CONFIDENCE = 0.95;

	/** Candidates within this share of the best fit are plausible: the most urgent of them sets the urgency. */
	static final double PLAUSIBLE = 0.85;

	static final Map<Urgency, String> STEP = Map.of(
			Urgency.EMERGENCY, "Call emergency services now (112/911).",
			Urgency.URGENT, "See a doctor today: call your GP for a same-day appointment or go to urgent care.",
			Urgency.ROUTINE, "Book an appointment with your GP in the next few days.",
			Urgency.SELF_CARE, "Look after yourself at home and ask a pharmacist for advice; see a GP if it gets worse.");

	static final String INSTRUCTIONS = """
			You are a cautious triage nurse. From the patient's report, decide how urgently they must be seen:
			"emergency" (call emergency services now), "urgent" (see a doctor today), "routine" (GP within days) or
			"self-care" (home care and pharmacist). Give the most likely condition in plain words, one next step for
			the patient, and your confidence in [0,1]. When in doubt choose the more urgent level. Never diagnose
			with certainty; this is triage, not a diagnosis.""";

	private final RedFlagRules redFlags;

	private final SymptomLexicon lexicon;

	private final ConditionKnowledge knowledge;

	private final SentenceEmbeddings embeddings;

	private final LanguageModelEscalation llm;

	private final DecisionMeter meter;

	public Triage(SentenceEmbeddings embeddings, LanguageModelEscalation llm, DecisionMeter meter) {
		this.redFlags = RedFlagRules.load("triage/red-flags.yml");
		this.lexicon = SymptomLexicon.load("triage/symptoms.yml");
		this.knowledge = ConditionKnowledge.load("triage/conditions.yml", lexicon.ids());
		this.embeddings = embeddings;
		this.llm = llm == null ? LanguageModelEscalation.none() : llm;
		this.meter = meter == null ? DecisionMeter.global() : meter;
	}

	/** The minimum urgency the rules impose, and why. */
	record Floor(Urgency urgency, List<String> reasons) {

		static Floor of(Urgency urgency, List<String> reasons) {
			return new Floor(urgency, List.copyOf(reasons));
		}
	}

	@Override
	public TriageAssessment apply(SymptomReport report) {
		InvalidInput.require(report != null, "a symptom report is required");
		SymptomText text = SymptomText.of(report.symptoms());
		OptionalInt infantMonths = infantMonths(report);
		List<RedFlagRules.Fired> fired = redFlags.fire(text, infantMonths);
		SymptomLexicon.Found found = lexicon.find(text);
		Floor floor = floor(report, found, fired, infantMonths);
		TriageAssessment assessment;
		if (!fired.isEmpty()) {
			assessment = emergency(report, fired, knowledge.rank(found.mentions()));
		}
		else {
			List<String> unexplained = SymptomLexicon.unexplainedChunks(text, found.explained());
			assessment = fromKnowledge(report, found.mentions(), floor, 0, DecidedBy.rules("symptom-lexicon"));
			if (!unexplained.isEmpty() && (assessment.confidence() < LEXICON_DECIDES_FROM
					|| found.mentions().isEmpty())) {
				Map<String, SymptomLexicon.Mention> merged = new LinkedHashMap<>(
						lexicon.byEmbedding(unexplained, embeddings));
				long understood = merged.values().stream().map(SymptomLexicon.Mention::words).distinct().count();
				merged.putAll(found.mentions());
				assessment = fromKnowledge(report, merged, floor, (int) (unexplained.size() - understood),
						DecidedBy.embedding("symptom-embeddings"));
			}
			else if (!unexplained.isEmpty()) {
				assessment = fromKnowledge(report, found.mentions(), floor, unexplained.size(),
						DecidedBy.rules("symptom-lexicon"));
			}
			if (llm.wants(assessment.confidence())) {
				TriageAssessment embedded = assessment;
				assessment = llm.ask(INSTRUCTIONS, describe(report, embedded), LlmTriage.class,
						answer -> fromModel(report, answer, embedded, floor),
						reason -> embedded.withDecidedBy(embedded.decidedBy().fellBackBecause(reason)));
			}
		}
		meter.record(TriageAssessment.FUNCTION, assessment.decidedBy());
		return assessment;
	}

	private TriageAssessment emergency(SymptomReport report, List<RedFlagRules.Fired> fired,
			List<ConditionKnowledge.Fit> fits) {
		// what the red flags point at leads the list; the knowledge base's fits follow as context
		List<CandidateCondition> conditions = new java.util.ArrayList<>();
		fired.stream()
			.map(RedFlagRules.Fired::flag)
			.forEach(flag -> conditions.add(new CandidateCondition(flag.description(), RED_FLAG_CONFIDENCE,
					flag.matched())));
		conditions.addAll(candidates(fits));
		return new TriageAssessment(report.patientId(), conditions, Urgency.EMERGENCY, fired.get(0).nextStep(),
				fired.stream().map(RedFlagRules.Fired::flag).toList(), RED_FLAG_CONFIDENCE, null,
				DecidedBy.rules("red-flag-rules"));
	}

	/**
	 * Score the mentions against the knowledge base.
	 * @param notUnderstood chunks of text that neither the lexicon nor the embedding model could read
	 */
	private TriageAssessment fromKnowledge(SymptomReport report, Map<String, SymptomLexicon.Mention> mentions,
			Floor floor, int notUnderstood, DecidedBy decidedBy) {
		List<ConditionKnowledge.Fit> fits = knowledge.rank(mentions);
		Urgency urgency;
		String nextStep;
		double confidence;
		if (fits.isEmpty()) {
			urgency = Urgency.ROUTINE;
			nextStep = "We could not match these symptoms to a common condition: speak to a nurse or your GP, and "
					+ "call 112/911 if you feel very unwell.";
			confidence = 0.2;
		}
		else {
			ConditionKnowledge.Fit top = fits.get(0);
			double best = top.score();
			ConditionKnowledge.Fit mostUrgent = top;
			double moreUrgentRival = 0;
			double otherRival = 0;
			for (ConditionKnowledge.Fit fit : fits.subList(1, fits.size())) {
				if (fit.score() >= PLAUSIBLE * best && !mostUrgent.condition().urgency().atLeast(fit.condition().urgency())) {
					mostUrgent = fit;
				}
				// a rival that would call for more urgency is what makes under-triage possible: it weighs most
				if (fit.condition().urgency().atLeast(top.condition().urgency())
						&& fit.condition().urgency() != top.condition().urgency()) {
					moreUrgentRival = Math.max(moreUrgentRival, fit.score() / best);
				}
				else {
					otherRival = Math.max(otherRival, fit.score() / best);
				}
			}
			urgency = mostUrgent.condition().urgency();
			nextStep = mostUrgent.condition().nextStep();
			confidence = best * (1 - 0.6 * moreUrgentRival * moreUrgentRival) * (1 - 0.15 * otherRival * otherRival)
					* Math.pow(0.85, notUnderstood);
		}
		if (!floor.urgency().atLeast(urgency) || floor.reasons().isEmpty()) {
			return new TriageAssessment(report.patientId(), candidates(fits), urgency, nextStep, List.of(),
					round(confidence), null, decidedBy);
		}
		if (floor.urgency() != urgency) {
			nextStep = STEP.get(floor.urgency()) + " (" + String.join("; ", floor.reasons()) + ")";
			urgency = floor.urgency();
		}
		// severity words on what the knowledge base calls a non-urgent condition: a person should look
		boolean severe = floor.reasons().stream().anyMatch(r -> r.startsWith("severity"));
		return new TriageAssessment(report.patientId(), candidates(fits), urgency, nextStep, List.of(),
				round(severe ? Math.min(confidence, 0.6) : confidence), null, decidedBy);
	}

	private TriageAssessment fromModel(SymptomReport report, LlmTriage answer, TriageAssessment embedded, Floor floor) {
		Urgency said = Urgency.of(answer.urgency());
		Urgency urgency = said.max(floor.urgency());
		String nextStep = urgency == said && answer.nextStep() != null && !answer.nextStep().isBlank()
				? answer.nextStep() : STEP.get(urgency) + " (" + String.join("; ", floor.reasons()) + ")";
		double confidence = answer.confidence() == null ? 0.5 : Math.max(0, Math.min(1, answer.confidence()));
		List<CandidateCondition> conditions = new ArrayList<>();
		if (answer.condition() != null && !answer.condition().isBlank()) {
			conditions.add(new CandidateCondition(answer.condition().trim(), round(confidence), List.of()));
		}
		embedded.conditions().stream()
			.filter(c -> conditions.stream().noneMatch(l -> l.name().equalsIgnoreCase(c.name())))
			.limit(3 - conditions.size())
			.forEach(conditions::add);
		return new TriageAssessment(report.patientId(), conditions, urgency, nextStep, embedded.redFlags(),
				round(confidence), null, llm.decidedBy());
	}

	/** The urgency no rung may go below: red flags, age, duration and severity words. */
	private Floor floor(SymptomReport report, SymptomLexicon.Found found, List<RedFlagRules.Fired> fired,
			OptionalInt infantMonths) {
		if (!fired.isEmpty()) {
			return Floor.of(Urgency.EMERGENCY, fired.stream().map(f -> "red flag " + f.flag().id()).toList());
		}
		Urgency floor = Urgency.SELF_CARE;
		List<String> reasons = new ArrayList<>();
		boolean fever = found.mentions().containsKey("fever");
		boolean infant = infantMonths.isPresent() || (report.age() != null && report.age() == 0);
		if (infant) {
			floor = floor.max(fever ? Urgency.URGENT : Urgency.ROUTINE);
			reasons.add(fever ? "fever in a baby under one year" : "a baby under one year");
		}
		if (report.age() != null && report.age() > 75) {
			boolean serious = fever || found.mentions().containsKey("short-of-breath")
					|| found.mentions().containsKey("memory-confusion");
			floor = floor.max(serious ? Urgency.URGENT : Urgency.ROUTINE);
			reasons.add(serious ? "over 75 with fever, breathlessness or confusion" : "over 75");
		}
		Optional<Duration> duration = duration(report);
		if (fever && duration.filter(d -> d.compareTo(Duration.ofDays(3)) > 0).isPresent()) {
			floor = floor.max(Urgency.ROUTINE);
			reasons.add("fever for more than 3 days");
		}
		else if (duration.filter(d -> d.compareTo(Duration.ofDays(14)) > 0).isPresent()) {
			floor = floor.max(Urgency.ROUTINE);
			reasons.add("symptoms for more than 2 weeks");
		}
		if (!found.severity().isEmpty()) {
			floor = floor.max(Urgency.ROUTINE);
			reasons.add("severity: " + String.join(", ", found.severity()));
		}
		return Floor.of(floor, reasons);
	}

	static Optional<Duration> duration(SymptomReport report) {
		Optional<Duration> stated = ReportedDuration.of(report.duration());
		return stated.isPresent() ? stated : ReportedDuration.inSymptoms(report.symptoms());
	}

	private static OptionalInt infantMonths(SymptomReport report) {
		if (report.age() != null && report.age() > 0) {
			return OptionalInt.empty();
		}
		return ReportedDuration.infantMonths(report.symptoms());
	}

	private static String describe(SymptomReport report, TriageAssessment embedded) {
		StringBuilder sb = new StringBuilder("Symptoms: ").append(report.symptoms());
		if (report.age() != null) {
			sb.append("\nAge: ").append(report.age());
		}
		if (report.sex() != null) {
			sb.append("\nSex: ").append(report.sex());
		}
		if (report.duration() != null) {
			sb.append("\nDuration: ").append(report.duration());
		}
		if (!embedded.conditions().isEmpty()) {
			sb.append("\nCandidates from a symptom checker: ").append(String.join(", ",
					embedded.conditions().stream().map(CandidateCondition::name).toList()));
		}
		return sb.toString();
	}

	private static List<CandidateCondition> candidates(List<ConditionKnowledge.Fit> fits) {
		return fits.stream()
			.limit(3)
			.map(f -> new CandidateCondition(f.condition().name(), round(f.score()), f.matched()))
			.toList();
	}

	private static double round(double value) {
		return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0;
	}
}
