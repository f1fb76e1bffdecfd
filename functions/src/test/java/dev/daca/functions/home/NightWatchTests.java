package dev.daca.functions.home;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NightWatchTests {

	final NightWatch watch = new NightWatch(LocalTime.of(22, 0), LocalTime.of(6, 0));

	final Instant at = Instant.parse("2025-01-10T20:00:00Z");

	final List<SensorReading> readings = List.of(
			new SensorReading("h-1", "front-lock", "lock", null, "unlocked", "front", at, null),
			new SensorReading("h-1", "back-lock", "lock", null, "locked", "back", at, null),
			new SensorReading("h-2", "door-1", "door", null, "open", "hall", at, null),
			new SensorReading("h-2", "side-lock", "lock", null, "unlocked", null, at, null));

	@Test
	void afterTenAnUnlockedLockBecomesACommandToLockIt() {
		List<NightWatch.Finding> findings = watch.sweep(readings, ZonedDateTime.of(2025, 1, 10, 22, 30, 0, 0,
				ZoneOffset.UTC));
		assertThat(findings).extracting(f -> f.command().text())
			.containsExactly("lock the front door", "lock the door");
		assertThat(findings).extracting(f -> f.command().homeId()).containsExactly("h-1", "h-2");
		assertThat(findings).allSatisfy(f -> assertThat(f.command().requestedBy()).isEqualTo("sensor-sweep"));
	}

	@Test
	void theNightWindowWrapsMidnightAndDaytimeFindsNothing() {
		assertThat(watch.isNight(LocalTime.of(23, 59))).isTrue();
		assertThat(watch.isNight(LocalTime.of(3, 0))).isTrue();
		assertThat(watch.isNight(LocalTime.of(6, 0))).isFalse();
		assertThat(watch.isNight(LocalTime.of(21, 59))).isFalse();
		assertThat(watch.sweep(readings, ZonedDateTime.of(2025, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC))).isEmpty();
		assertThat(new NightWatch(LocalTime.of(1, 0), LocalTime.of(5, 0)).isNight(LocalTime.of(23, 0))).isFalse();
	}

	@Test
	void theSweepsCommandsArePlannedAsLocksByActuate() {
		List<NightWatch.Finding> findings = watch.sweep(readings, ZonedDateTime.of(2025, 1, 10, 23, 0, 0, 0,
				ZoneOffset.UTC));
		for (NightWatch.Finding finding : findings) {
			HomePlan plan = ActuateTest.ACTUATE.apply(finding.command());
			assertThat(plan.actions()).extracting(DeviceAction::action).containsExactly("lock");
			assertThat(plan.actions().getFirst().target()).contains("door");
		}
	}
}
