package dev.daca.bindings.schedule;

import java.util.Locale;

/** What started a run. */
public enum RunTrigger {
	CRON, CATCH_UP, HTTP, ONCE;

	String json() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
