/**
 * Durable Dapr workflows that chain the functions (one package per process: moderation, triage, home,
 * recommendation; review holds the human step they share). On only with {@code daca.workflows.enabled=true} (the
 * {@code dapr} profile); without it the app runs the same functions as a choreography through topics.
 */
package dev.daca.workflows;
