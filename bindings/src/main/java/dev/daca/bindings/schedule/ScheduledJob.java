package dev.daca.bindings.schedule;

/**
 * A scheduled function: a named job the same code runs three ways — on its cron expression in-process (one replica
 * fires, ShedLock), on {@code POST /triggers/{name}}, and as a one-shot run of the jar
 * ({@code --daca.run-once=<name>}). Its schedule is configuration: {@code daca.schedule.jobs.<name>.cron}.
 */
public interface ScheduledJob {

	String name();

	/** Do the work once; throw to fail the run (it is recorded as failed with the message). */
	JobReport run() throws Exception;
}
