/**
 * The DACA domain: five agentic functions as plain {@code java.util.function} beans with typed records.
 * <p>
 * One package per function ({@code moderation}, {@code triage}, {@code recommendation}, {@code home}) plus
 * {@code review} (the human-in-the-loop gate every function's outcome passes) and {@code engine} (what all of them
 * share: the cost ladder and the embedding model). Nothing here knows about brokers, HTTP, Dapr or servlets: the
 * {@code bindings}, {@code workflows} and {@code hitl-ui} modules wrap these functions from outside.
 */
package dev.daca.functions;
