package dev.daca.functions.home;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.daca.functions.engine.DecidedBy;

/**
 * The RULES tier for readings: the home's standing rules. Thresholds are constants here, stated once:
 * <ul>
 * <li>smoke or CO: sound the alarm, notify the homeowner, shut down the HVAC (so it does not spread smoke/gas);</li>
 * <li>temperature above {@value #HOT} °C: AC on in that room; below {@value #COLD} °C: heating on; below
 * {@value #FREEZING} °C also notify (pipes may freeze);</li>
 * <li>humidity above {@value #HUMID} %: dehumidifier on;</li>
 * <li>motion while the home is known to be empty, or at night (22:00-06:00 UTC) unless known to be occupied:
 * notify;</li>
 * <li>a door or window opening while the home is known to be empty: notify;</li>
 * <li>a lock reporting unlocked at night or in an empty home: lock it and notify;</li>
 * <li>water leak: close the water valve (MEDIUM) and notify.</li>
 * </ul>
 * A reading these rules do not act on yields an empty plan. Confidence 0.95: the rules are deterministic, what is
 * left is the sensor being wrong.
 */
final class HomeRules {

	static final double HOT = 28;

	static final double COLD = 17;

	static final double FREEZING = 5;

	static final double HUMID = 70;

	static final double CONFIDENCE = 0.95;

	HomePlan plan(SensorReading r) {
		List<DeviceAction> actions = new ArrayList<>();
		String where = r.room() == null ? "" : " in " + r.room();
		boolean night = isNight(r);
		boolean empty = Boolean.FALSE.equals(r.occupied());
		String rationale;
		switch (r.sensor()) {
			case "smoke", "co" -> {
				rationale = r.sensor() + " detected" + where;
				if (r.triggered()) {
					actions.add(ImpactTable.action("sound-alarm", "alarm", null, Map.of(), rationale));
					actions.add(notify(rationale));
					actions.add(ImpactTable.action("turn-off", "hvac", null, Map.of(), rationale
							+ ": stop the ventilation spreading it"));
				}
			}
			case "temperature" -> {
				double c = r.value() == null ? Double.NaN : r.value();
				rationale = "temperature " + c + " °C" + where;
				if (c > HOT) {
					actions.add(ImpactTable.action("turn-on", "ac", r.room(), Map.of(), rationale + " above " + HOT));
				}
				else if (c < COLD) {
					actions.add(ImpactTable.action("turn-on", "heating", r.room(), Map.of(), rationale + " below " + COLD));
					if (c < FREEZING) {
						actions.add(notify(rationale + ": pipes may freeze"));
					}
				}
			}
			case "humidity" -> {
				double h = r.value() == null ? Double.NaN : r.value();
				rationale = "humidity " + h + " %" + where;
				if (h > HUMID) {
					actions.add(ImpactTable.action("turn-on", "dehumidifier", r.room(), Map.of(), rationale));
				}
			}
			case "motion" -> {
				rationale = "motion" + where + (empty ? " while nobody is home" : night ? " at night" : "");
				if (r.triggered() && (empty || (night && !Boolean.TRUE.equals(r.occupied())))) {
					actions.add(notify(rationale));
				}
			}
			case "door", "window" -> {
				rationale = r.sensor() + " " + r.deviceId() + " " + (r.triggered() ? "opened" : "closed") + where;
				if (r.triggered() && empty) {
					actions.add(notify(rationale + " while nobody is home"));
				}
			}
			case "lock" -> {
				rationale = "lock " + r.deviceId() + (r.triggered() ? " unlocked" : " locked");
				if (r.triggered() && (night || empty)) {
					actions.add(ImpactTable.action("lock", "door", r.room(), Map.of("deviceId", r.deviceId()),
							rationale + (empty ? " while nobody is home" : " at night")));
					actions.add(notify(rationale));
				}
			}
			case "water-leak" -> {
				rationale = "water leak" + where;
				if (r.triggered()) {
					actions.add(ImpactTable.action("close", "water-valve", null, Map.of(), rationale));
					actions.add(notify(rationale));
				}
			}
			default -> rationale = "no rule for sensor " + r.sensor();
		}
		String text = actions.isEmpty() ? rationale + ": no rule acts on it" : rationale;
		return HomePlan.of(r.homeId(), actions, CONFIDENCE, text, DecidedBy.rules("home-rules"));
	}

	private static DeviceAction notify(String message) {
		return ImpactTable.action("notify", "homeowner", null, Map.of("message", message), message);
	}

	private static boolean isNight(SensorReading r) {
		int hour = r.at().atOffset(ZoneOffset.UTC).getHour();
		return hour >= 22 || hour < 6;
	}
}
