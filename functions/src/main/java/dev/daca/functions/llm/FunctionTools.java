package dev.daca.functions.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import dev.daca.functions.engine.LanguageModelUnavailable;
import dev.daca.functions.engine.LanguageModelUnavailable.Reason;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

/**
 * The tools a function's model may call, picked by name ({@code daca.llm.tools.<function>}) from every
 * {@link ToolCallbackProvider} in the context: in this app, the external MCP servers' tools (the MCP client lives in
 * the bindings, this package sees only Spring AI's tool abstraction). Resolved at each call, so an MCP server that is
 * down at startup costs only the calls made while it is down: they fall back like any failed model call.
 */
final class FunctionTools {

	private final List<ToolCallbackProvider> providers;

	FunctionTools(List<ToolCallbackProvider> providers) {
		this.providers = List.copyOf(providers);
	}

	/** What a function's model may call: the named tools, looked up when asked for. */
	Supplier<List<ToolCallback>> forFunction(String function, List<String> names) {
		if (names.isEmpty()) {
			return List::of;
		}
		return () -> resolve(function, names);
	}

	private List<ToolCallback> resolve(String function, List<String> names) {
		List<ToolCallback> offered = new ArrayList<>();
		try {
			providers.forEach(provider -> offered.addAll(Arrays.asList(provider.getToolCallbacks())));
		}
		catch (RuntimeException ex) {
			throw new LanguageModelUnavailable(Reason.ERROR, "cannot list the tools for " + function + ": "
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		List<ToolCallback> chosen = new ArrayList<>();
		for (String name : names) {
			chosen.add(offered.stream().filter(tool -> tool.getToolDefinition().name().equals(name)).findFirst()
				.orElseThrow(() -> new LanguageModelUnavailable(Reason.ERROR, "tool " + name + " for " + function
						+ " is offered by no tool provider; offered: " + offered.stream()
							.map(tool -> tool.getToolDefinition().name()).toList())));
		}
		return chosen;
	}
}
