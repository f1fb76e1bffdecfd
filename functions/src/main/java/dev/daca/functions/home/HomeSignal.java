package dev.daca.functions.home;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What reaches the actuate function: a device's reading ({@code "signal": "reading"}) or a person's command
 * ({@code "signal": "command"}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "signal")
@JsonSubTypes({ @JsonSubTypes.Type(value = SensorReading.class, name = "reading"),
		@JsonSubTypes.Type(value = Command.class, name = "command") })
public sealed interface HomeSignal permits SensorReading, Command {

	String homeId();
}
