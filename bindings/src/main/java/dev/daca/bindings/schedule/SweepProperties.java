package dev.daca.bindings.schedule;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code daca.home.sweep}: the homes' time zone and the night window the sensor sweep checks locks in. */
@ConfigurationProperties("daca.home.sweep")
record SweepProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("22:00") LocalTime nightFrom,
		@DefaultValue("06:00") LocalTime nightUntil) {
}
