package dev.daca.functions.home;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ProposedAction;

/**
 * The actuate function's outcome: what the home would do. {@code approvalsNeeded} counts the actions that need the
 * homeowner's approval (every HIGH-impact one). Risk is the highest impact; a plan with no action whose confidence
 * is below {@link Actuate#ACT_THRESHOLD} (a command not understood) is MEDIUM.
 */
public record HomePlan(String homeId, List<DeviceAction> actions, int approvalsNeeded, double confidence,
		String rationale, DecidedBy decidedBy) implements Outcome {

	public static final String FUNCTION = "actuate";

	public HomePlan {
		InvalidInput.require(homeId != null && !homeId.isBlank(), "homeId is required");
		actions = actions == null ? List.of() : List.copyOf(actions);
		InvalidInput.require(approvalsNeeded == actions.stream().filter(DeviceAction::requiresApproval).count(),
				"approvalsNeeded must count the actions that require approval");
		InvalidInput.require(confidence >= 0 && confidence <= 1, "confidence must be in [0,1]");
		InvalidInput.require(decidedBy != null, "decidedBy is required");
		rationale = rationale == null ? "" : rationale;
	}

	static HomePlan of(String homeId, List<DeviceAction> actions, double confidence, String rationale,
			DecidedBy decidedBy) {
		int approvals = (int) actions.stream().filter(DeviceAction::requiresApproval).count();
		return new HomePlan(homeId, actions, approvals, Math.round(confidence * 1000) / 1000.0, rationale, decidedBy);
	}

	HomePlan withDecidedBy(DecidedBy by) {
		return new HomePlan(homeId, actions, approvalsNeeded, confidence, rationale, by);
	}

	@Override
	public String function() {
		return FUNCTION;
	}

	@Override
	@JsonIgnore
	public String subjectId() {
		return homeId;
	}

	@Override
	@JsonIgnore
	public Risk risk() {
		if (actions.isEmpty()) {
			return confidence < Actuate.ACT_THRESHOLD ? Risk.MEDIUM : Risk.LOW;
		}
		return actions.stream().map(DeviceAction::impact).max(Comparator.naturalOrder()).orElseThrow().risk();
	}

	@Override
	@JsonIgnore
	public Set<String> flags() {
		Set<String> flags = new LinkedHashSet<>();
		actions.forEach(a -> flags.add(a.action()));
		return flags;
	}

	@Override
	@JsonIgnore
	public String summary() {
		if (actions.isEmpty()) {
			return "no action for home " + homeId + ": " + rationale;
		}
		return "home " + homeId + ": " + String.join(", ", actions.stream()
			.map(a -> a.action() + " " + a.target() + (a.requiresApproval() ? " (needs approval)" : "")).toList());
	}

	@Override
	@JsonIgnore
	public ProposedAction proposedAction() {
		Map<String, Object> parameters = new TreeMap<>();
		parameters.put("homeId", homeId);
		parameters.put("actions", actions.stream().map(DeviceAction::asMap).toList());
		return ProposedAction.of("execute-actions", summary(), parameters);
	}
}
