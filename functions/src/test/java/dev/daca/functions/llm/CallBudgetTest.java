package dev.daca.functions.llm;

import java.util.concurrent.atomic.AtomicLong;

import dev.daca.functions.engine.LanguageModelUnavailable;
import dev.daca.functions.engine.LanguageModelUnavailable.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallBudgetTest {

	private final AtomicLong now = new AtomicLong(1_000);

	private final CallBudget budget = new CallBudget(100, 6, now::get);

	@Test
	void theBucketEmptiesAndRefillsOneCallEveryTenSecondsAtSixAMinute() {
		for (int i = 0; i < 6; i++) {
			budget.spend(10);
		}
		assertThatThrownBy(() -> budget.spend(10)).isInstanceOfSatisfying(LanguageModelUnavailable.class,
				ex -> assertThat(ex.reason()).isEqualTo(Reason.BUDGET));

		now.addAndGet(9_000_000_000L);
		assertThatThrownBy(() -> budget.spend(10)).isInstanceOf(LanguageModelUnavailable.class);
		now.addAndGet(1_000_000_000L);
		assertThatCode(() -> budget.spend(10)).doesNotThrowAnyException();
		assertThatThrownBy(() -> budget.spend(10)).isInstanceOf(LanguageModelUnavailable.class);
	}

	@Test
	void anIdleHourDoesNotSaveUpMoreThanAMinutesWorth() {
		now.addAndGet(3_600_000_000_000L);
		for (int i = 0; i < 6; i++) {
			budget.spend(10);
		}
		assertThatThrownBy(() -> budget.spend(10)).isInstanceOf(LanguageModelUnavailable.class);
	}

	@Test
	void aPromptOverTheCapIsRefusedAndSpendsNothing() {
		assertThatThrownBy(() -> budget.spend(101)).isInstanceOf(LanguageModelUnavailable.class)
			.hasMessage("prompt of 101 chars (~26 tokens) exceeds 100 chars");
		for (int i = 0; i < 6; i++) {
			budget.spend(100);
		}
	}
}
