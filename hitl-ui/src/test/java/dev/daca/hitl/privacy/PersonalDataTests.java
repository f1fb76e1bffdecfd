package dev.daca.hitl.privacy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.daca.hitl.security.Reviewer;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	private final Reviewer clinician = new Reviewer("carol", Set.of("CLINICIAN"), Set.of("clinicians"));

	private final Reviewer admin = new Reviewer("root", Set.of("ADMIN"), Set.of());

	@Test
	void phoneNumbersAndEmailAddressesAreMaskedForAReviewer() {
		assertThat(PersonalData.mask("call +49 151 2345 6789 or jo@example.org", clinician))
			.isEqualTo("call ••• or •••");
		assertThat(PersonalData.mask("ring (555) 123-4567 today", clinician)).isEqualTo("ring ••• today");
		assertThat(PersonalData.mask("call +49 151 2345 6789", admin)).isEqualTo("call +49 151 2345 6789");
	}

	@Test
	void digitRunsInsideIdsAndDatesAreNotPhoneNumbers() {
		String text = "review 550e8400-e29b-41d4-a716-446655440000 for order A-123456789012 since 2026-11-24";
		assertThat(PersonalData.mask(text, clinician)).isEqualTo(text);
		assertThat(PersonalData.mask("sku123456789012", clinician)).isEqualTo("sku123456789012");
	}
}
