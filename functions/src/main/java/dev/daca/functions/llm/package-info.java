/**
 * The LLM rung: the {@link dev.daca.functions.engine.LanguageModel} port on Spring AI's {@code ChatClient}, for any
 * OpenAI-compatible chat-completions endpoint (OpenAI, Gemini, vLLM, Ollama), created only when an endpoint is
 * configured. Deadline, budget and failure mapping live here; what to ask lives with each function.
 */
package dev.daca.functions.llm;
