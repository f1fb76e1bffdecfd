package dev.daca.functions.triage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.ScriptedLanguageModel;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriageTest {

	static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Triage triage = new Triage(EMBEDDINGS, LanguageModelEscalation.none(), new DecisionMeter(registry));

	private TriageAssessment diagnose(String symptoms) {
		return triage.apply(SymptomReport.of("p-1", symptoms));
	}

	@Test
	void crushingChestPainAndShortnessOfBreathIsAnEmergency() {
		TriageAssessment a = diagnose("crushing chest pain and shortness of breath");
		assertThat(a.urgency()).isEqualTo(Urgency.EMERGENCY);
		assertThat(a.risk()).isEqualTo(Risk.CRITICAL);
		assertThat(a.redFlags()).extracting(RedFlag::id).containsExactly("chest-pain-cardiac");
		assertThat(a.redFlags().get(0).matched()).contains("crushing chest");
		assertThat(a.nextStep()).contains("112/911");
		assertThat(a.decidedBy().tier()).isEqualTo(Tier.RULES);
		assertThat(a.flags()).containsExactly("emergency", "chest-pain-cardiac");
		assertThat(registry.get("daca.decisions").tag("function", "diagnose").tag("tier", "rules").counter().count())
			.isEqualTo(1.0);
	}

	@Test
	void layPhrasingOfEmergenciesIsCaught() {
		assertThat(diagnose("there's a crushing pain in my chest").urgency()).isEqualTo(Urgency.EMERGENCY);
		assertThat(diagnose("my chest feels tight and I can't catch my breath").redFlags()).extracting(RedFlag::id)
			.contains("chest-pain-cardiac");
		assertThat(diagnose("it's like an elephant sitting on my chest").urgency()).isEqualTo(Urgency.EMERGENCY);
		assertThat(diagnose("her face is drooping on one side").redFlags()).extracting(RedFlag::id)
			.containsExactly("stroke-signs");
		assertThat(diagnose("I keep thinking I'd be better off dead").redFlags()).extracting(RedFlag::id)
			.containsExactly("suicidal-intent");
		assertThat(diagnose("my lips are turning blue").redFlags()).extracting(RedFlag::id)
			.containsExactly("breathing-difficulty");
	}

	@Test
	void negatedRedFlagsDoNotFire() {
		TriageAssessment a = diagnose("no chest pain and denies shortness of breath, just a runny nose and sneezing");
		assertThat(a.redFlags()).isEmpty();
		assertThat(a.urgency()).isNotEqualTo(Urgency.EMERGENCY);
		assertThat(a.topCondition()).isEqualTo("Common cold");
		assertThat(diagnose("denies shortness of breath, has chest pain").redFlags()).isEmpty();
		assertThat(diagnose("I have no fever, stiff neck or rash").redFlags()).isEmpty();
	}

	@Test
	void negationEndsAtTheContrast() {
		assertThat(diagnose("no fever but my chest is crushing and I'm sweating").urgency())
			.isEqualTo(Urgency.EMERGENCY);
		assertThat(diagnose("it's not indigestion, it's a squeezing pain in my chest and I'm short of breath")
			.urgency()).isEqualTo(Urgency.EMERGENCY);
	}

	@Test
	void feverInABabyUnderThreeMonthsIsAnEmergencyAndOlderBabiesAreUrgent() {
		TriageAssessment young = triage.apply(new SymptomReport("b-1", "my 5 week old has a fever", 0, null, null));
		assertThat(young.redFlags()).extracting(RedFlag::id).containsExactly("infant-fever");
		TriageAssessment older = triage.apply(new SymptomReport("b-2", "my 8 month old has a fever", 0, null, null));
		assertThat(older.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(older.redFlags()).isEmpty();
	}

	@Test
	void ageAndDurationRaiseTheUrgency() {
		TriageAssessment young = triage.apply(new SymptomReport("a-1", "runny nose and sneezing", 30, null, "2 days"));
		assertThat(young.urgency()).isEqualTo(Urgency.SELF_CARE);
		TriageAssessment old = triage.apply(new SymptomReport("a-2", "runny nose and sneezing", 80, null, "2 days"));
		assertThat(old.urgency()).isEqualTo(Urgency.ROUTINE);
		assertThat(old.nextStep()).contains("over 75");
		TriageAssessment longFever = triage
			.apply(new SymptomReport("a-3", "fever, aching all over and exhausted", 40, "MALE", "5 days"));
		assertThat(longFever.urgency()).isEqualTo(Urgency.ROUTINE);
		assertThat(longFever.nextStep()).contains("fever for more than 3 days");
	}

	@Test
	void aClearCommonCaseIsDecidedConfidentlyAndAnUnclearOneIsNot() {
		TriageAssessment clear = diagnose("blocked nose, runny nose, sneezing and a sore throat");
		assertThat(clear.topCondition()).isEqualTo("Common cold");
		assertThat(clear.urgency()).isEqualTo(Urgency.SELF_CARE);
		assertThat(clear.confidence()).isGreaterThanOrEqualTo(0.8);
		assertThat(clear.conditions().get(0).matchedSymptoms()).contains("runny nose", "sneezing");
		assertThat(diagnose("runny nose, sneezing and a blocked nose").conditions().get(0).matchedSymptoms())
			.as("a phrase does not reach across a comma and swallow the word between").contains("sneezing");
		TriageAssessment unclear = diagnose("I just feel off, not myself");
		assertThat(unclear.confidence()).isLessThan(0.8);
		assertThat(unclear.disclaimer()).isEqualTo(TriageAssessment.DISCLAIMER);
	}

	@Test
	void embeddingsReadLayWording() {
		TriageAssessment a = diagnose("my wee has turned pinkish red, it stings and I need to go all the time");
		assertThat(a.conditions()).extracting(CandidateCondition::name).contains("Urinary tract infection");
	}

	@Test
	void theLanguageModelCannotLowerTheRuleFloor() {
		LanguageModel model = fixedModel(new LlmTriage("self-care", "Viral illness", "Rest at home", 0.9), null);
		Triage withLlm = new Triage(EMBEDDINGS, new LanguageModelEscalation(model, 1.01),
				new DecisionMeter(registry));
		TriageAssessment a = withLlm.apply(new SymptomReport("o-1", "fever and aching all over", 82, null, null));
		assertThat(a.decidedBy().tier()).isEqualTo(Tier.LLM);
		assertThat(a.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(a.nextStep()).contains("over 75");
		assertThat(a.topCondition()).isEqualTo("Viral illness");
	}

	@Test
	void redFlagsNeverGoToTheLanguageModel() {
		AtomicInteger calls = new AtomicInteger();
		LanguageModel model = fixedModel(new LlmTriage("self-care", "Muscle strain", "Rest", 0.99), calls);
		Triage withLlm = new Triage(EMBEDDINGS, new LanguageModelEscalation(model, 1.01),
				new DecisionMeter(registry));
		TriageAssessment a = withLlm.apply(SymptomReport.of("o-2", "crushing chest pain and shortness of breath"));
		assertThat(a.urgency()).isEqualTo(Urgency.EMERGENCY);
		assertThat(calls).hasValue(0);
	}

	@Test
	void whenTheLanguageModelFailsTheEmbeddedAssessmentStandsWithTheReason() {
		LanguageModel failing = ScriptedLanguageModel.timingOut();
		Triage withLlm = new Triage(EMBEDDINGS, new LanguageModelEscalation(failing, 1.01),
				new DecisionMeter(registry));
		TriageAssessment a = withLlm.apply(SymptomReport.of("o-3", "runny nose and sneezing"));
		assertThat(a.decidedBy().tier()).isNotEqualTo(Tier.LLM);
		assertThat(a.decidedBy().fallback()).isEqualTo("llm timeout: no answer within PT5S");
		assertThat(a.topCondition()).isEqualTo("Common cold");
	}

	@Test
	void theOutcomeSpeaksToTheReviewGate() {
		TriageAssessment a = diagnose("runny nose and sneezing");
		assertThat(a.function()).isEqualTo("diagnose");
		assertThat(a.subjectId()).isEqualTo("p-1");
		assertThat(a.risk()).isEqualTo(Risk.LOW);
		assertThat(a.flags()).containsExactly("self-care");
		assertThat(a.proposedAction().kind()).isEqualTo("notify-patient");
		assertThat(a.proposedAction().parameters()).containsEntry("patientId", "p-1")
			.containsEntry("urgency", "self-care")
			.containsEntry("topCondition", a.topCondition())
			.containsEntry("nextStep", a.nextStep());
		assertThat(Urgency.URGENT.risk()).isEqualTo(Risk.HIGH);
		assertThat(Urgency.ROUTINE.risk()).isEqualTo(Risk.MEDIUM);
	}

	@Test
	void invalidReportsNameTheField() {
		assertThatThrownBy(() -> SymptomReport.of(" ", "cough")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("patientId");
		assertThatThrownBy(() -> SymptomReport.of("p", "")).hasMessageContaining("symptoms");
		assertThatThrownBy(() -> SymptomReport.of("p", "a".repeat(4001))).hasMessageContaining("4000");
		assertThatThrownBy(() -> new SymptomReport("p", "cough", 131, null, null)).hasMessageContaining("age");
		assertThatThrownBy(() -> new SymptomReport("p", "cough", -1, null, null)).hasMessageContaining("age");
		assertThatThrownBy(() -> new SymptomReport("p", "cough", 30, "robot", null)).hasMessageContaining("sex");
		assertThat(new SymptomReport("p", "cough", 30, "Female", " ").sex()).isEqualTo("female");
		assertThatThrownBy(() -> Urgency.of("soon")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void durationsAreReadFromFreeText() {
		assertThat(ReportedDuration.of("3 days")).contains(Duration.ofDays(3));
		assertThat(ReportedDuration.of("2 hours")).contains(Duration.ofHours(2));
		assertThat(ReportedDuration.of("since yesterday")).contains(Duration.ofDays(1));
		assertThat(ReportedDuration.of("a couple of weeks")).contains(Duration.ofDays(14));
		assertThat(ReportedDuration.of("dunno")).isEmpty();
		assertThat(ReportedDuration.inSymptoms("fever for five days")).contains(Duration.ofDays(5));
		assertThat(ReportedDuration.inSymptoms("I take it twice a day")).isEmpty();
		assertThat(ReportedDuration.infantMonths("my 6 week old son")).hasValue(1);
		assertThat(ReportedDuration.infantMonths("our newborn")).hasValue(0);
	}

	private static LanguageModel fixedModel(LlmTriage answer, AtomicInteger calls) {
		return new LanguageModel() {
			@Override
			public <A> A answer(String instructions, String input, Class<A> answerType) {
				if (calls != null) {
					calls.incrementAndGet();
				}
				return answerType.cast(answer);
			}

			@Override
			public String name() {
				return "test-model";
			}
		};
	}
}
