package dev.daca.hitl.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.daca.functions.review.Priority;

/**
 * What the reviewer filters the inbox by. Every value comes from a URL, so each is checked against what exists:
 * a tampered value is an {@link IllegalArgumentException} (a 400 page), never a query.
 * @param tab open (pending or claimed), mine, pending, claimed, decided (approved or rejected), expired
 * @param function classify, diagnose, recommend, actuate, or null for all
 * @param priority low, normal, high, urgent, or null for all
 * @param assignee who holds it, or null for anyone
 */
public record InboxQuery(Tab tab, String function, Priority priority, String assignee) {

	public static final Set<String> FUNCTIONS = Set.of("classify", "diagnose", "recommend", "actuate");

	/** The inbox tabs, each a set of statuses; {@code MINE} also narrows to the reviewer's own. */
	public enum Tab {
		OPEN(List.of(ReviewStatus.PENDING, ReviewStatus.CLAIMED)), MINE(List.of(ReviewStatus.CLAIMED)),
		PENDING(List.of(ReviewStatus.PENDING)), CLAIMED(List.of(ReviewStatus.CLAIMED)),
		DECIDED(List.of(ReviewStatus.APPROVED, ReviewStatus.REJECTED, ReviewStatus.RESPONDED)), EXPIRED(List.of(ReviewStatus.EXPIRED));

		final List<ReviewStatus> statuses;

		Tab(List<ReviewStatus> statuses) {
			this.statuses = statuses;
		}

		public String json() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Parse the request parameters; blank means no filter. */
	public static InboxQuery of(String tab, String function, String priority, String assignee) {
		Tab parsedTab = Tab.OPEN;
		if (tab != null && !tab.isBlank()) {
			try {
				parsedTab = Tab.valueOf(tab.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("unknown tab '" + tab + "'; use one of open, mine, pending, "
						+ "claimed, decided, expired");
			}
		}
		String fn = function == null || function.isBlank() ? null : function.trim();
		if (fn != null && !FUNCTIONS.contains(fn)) {
			throw new IllegalArgumentException("unknown function '" + function + "'; use one of " + FUNCTIONS);
		}
		Priority parsedPriority = null;
		if (priority != null && !priority.isBlank()) {
			try {
				parsedPriority = Priority.of(priority);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("unknown priority '" + priority + "'; use low, normal, high or urgent");
			}
		}
		String who = assignee == null || assignee.isBlank() ? null : assignee.trim();
		if (who != null && (who.length() > 100 || !who.matches("[\\p{L}\\p{N}._@-]+"))) {
			throw new IllegalArgumentException("assignee must be a user name (letters, digits, . _ @ -), at most 100");
		}
		return new InboxQuery(parsedTab, fn, parsedPriority, who);
	}

	public InboxQuery withTab(Tab other) {
		return new InboxQuery(other, function, priority, assignee);
	}
}
