package dev.daca.hitl.privacy;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.daca.hitl.security.Reviewer;

/**
 * Role-based masking of personal data on the page: a reviewer sees what the decision needs (symptoms, an age band,
 * the action) but not who the person is (names, contacts, addresses, exact ages). Admins see everything. Masking is
 * applied to copies for display; the stored request keeps the data, and an edit keeps masked values as proposed.
 */
public final class PersonalData {

	/** What a masked value shows. */
	public static final String MASK = "•••";

	private static final Set<String> IDENTIFYING = Set.of("name", "fullname", "firstname", "lastname", "email",
			"phone", "mobile", "contact", "address", "street", "postcode", "zip", "dateofbirth", "dob", "ssn",
			"requestedby");

	/** Functions whose subject is a person (a patient, a shopper), not a post or a home. */
	private static final Set<String> PERSONAL_SUBJECTS = Set.of("diagnose", "recommend");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

	/** Not glued to letters, digits or hyphens: a digit run inside an id (a UUID's last group) is no phone number. */
	private static final Pattern PHONE = Pattern.compile("(?<![\\w-])[+(]?\\d[\\d ()-]{7,}\\d(?![\\w-])");

	private PersonalData() {
	}

	/**
	 * How one request reads for one reviewer: personal data masked by role ({@link #mask}), and, on a request about
	 * a person that this reviewer may not identify ({@link #showsSubject}), the subject id masked wherever it appears.
	 */
	public record Masking(Reviewer reviewer, String hiddenSubject) {

		/** The request's subject id as this reviewer sees it. */
		public String subjectId(String subjectId) {
			return hiddenSubject == null ? subjectId : MASK;
		}

		public String text(String text) {
			return maskSubject(mask(text, reviewer), hiddenSubject);
		}

		public JsonNode json(JsonNode node) {
			return maskSubject(mask(node, reviewer), hiddenSubject);
		}
	}

	/** The masking for this reviewer of a request of {@code function} about {@code subjectId}. */
	public static Masking masking(Reviewer reviewer, String function, String subjectId) {
		return new Masking(reviewer, showsSubject(function, reviewer) ? null : subjectId);
	}

	/** A display copy of {@code node} as this reviewer may see it. */
	public static JsonNode mask(JsonNode node, Reviewer reviewer) {
		if (reviewer.seesPersonalData() || node == null) {
			return node;
		}
		JsonNode copy = node.deepCopy();
		maskInPlace(copy);
		return copy;
	}

	/** Free text (a summary, a note) as this reviewer may see it: e-mail addresses and phone numbers hidden. */
	public static String mask(String text, Reviewer reviewer) {
		if (reviewer.seesPersonalData() || text == null) {
			return text;
		}
		return maskText(text);
	}

	/** E-mail addresses, and digit runs long enough to be phone numbers (9+ digits; dates have 8). */
	private static String maskText(String text) {
		return PHONE.matcher(EMAIL.matcher(text).replaceAll(MASK))
			.replaceAll(match -> match.group().chars().filter(Character::isDigit).count() >= 9 ? MASK
					: java.util.regex.Matcher.quoteReplacement(match.group()));
	}

	/**
	 * Whether this reviewer sees a request's subject id (patient, shopper): everyone but an admin sees it masked on
	 * requests about people (diagnose, recommend); posts and homes are not personal subjects.
	 */
	public static boolean showsSubject(String function, Reviewer reviewer) {
		return reviewer.seesPersonalData() || !PERSONAL_SUBJECTS.contains(function);
	}

	/** A display copy of {@code node} with every text value equal to {@code subjectId} masked. */
	public static JsonNode maskSubject(JsonNode node, String subjectId) {
		if (node == null || subjectId == null || subjectId.isBlank()) {
			return node;
		}
		JsonNode copy = node.deepCopy();
		maskSubjectInPlace(copy, subjectId);
		return copy;
	}

	/** Free text with the subject id masked wherever it appears. */
	public static String maskSubject(String text, String subjectId) {
		return text == null || subjectId == null || subjectId.isBlank() ? text : text.replace(subjectId, MASK);
	}

	private static void maskSubjectInPlace(JsonNode node, String subjectId) {
		if (node instanceof ObjectNode object) {
			object.properties().forEach(field -> {
				if (field.getValue().isTextual()) {
					object.put(field.getKey(), maskSubject(field.getValue().asText(), subjectId));
				}
				else {
					maskSubjectInPlace(field.getValue(), subjectId);
				}
			});
		}
		else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.get(i).isTextual()) {
					array.set(i, array.textNode(maskSubject(array.get(i).asText(), subjectId)));
				}
				else {
					maskSubjectInPlace(array.get(i), subjectId);
				}
			}
		}
	}

	/** An exact age as a ten-year band: 58 -> "50-59". */
	public static String ageBand(int age) {
		int low = Math.max(0, age / 10 * 10);
		return low + "-" + (low + 9);
	}

	private static void maskInPlace(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				String key = field.getKey().toLowerCase().replace("_", "").replace("-", "");
				if (IDENTIFYING.contains(key) && !field.getValue().isNull()) {
					field.setValue(TextNode.valueOf(MASK));
				}
				else if (key.equals("age") && field.getValue().canConvertToInt()) {
					field.setValue(TextNode.valueOf(ageBand(field.getValue().asInt())));
				}
				else if (field.getValue().isTextual()) {
					String text = field.getValue().asText();
					String masked = maskText(text);
					if (!masked.equals(text)) {
						field.setValue(TextNode.valueOf(masked));
					}
				}
				else {
					maskInPlace(field.getValue());
				}
			}
		}
		else if (node != null && node.isArray()) {
			node.forEach(PersonalData::maskInPlace);
		}
	}
}
