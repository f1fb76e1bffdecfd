package dev.daca.hitl.audit;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins: verify the hash chain, export it as CSV or JSON. */
@RestController
@RequestMapping("/audit")
class AuditController {

	/** One line as exported. */
	record Line(long seq, String at, String actor, String action, String reviewId, String detail, String prevHash,
			String hash) {

		static Line of(AuditEntry entry) {
			return new Line(entry.seq(), entry.at().toString(), entry.actor(), entry.action(), entry.reviewId(),
					entry.detail(), entry.prevHash(), entry.hash());
		}
	}

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/verify")
	AuditLog.Verification verify() {
		return audit.verify();
	}

	@GetMapping(path = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<Line>> json() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"review-audit.json\"")
			.body(audit.all().stream().map(Line::of).toList());
	}

	@GetMapping(path = "/export.csv", produces = "text/csv")
	ResponseEntity<String> csv() {
		StringBuilder csv = new StringBuilder("seq,at,actor,action,review_id,detail,prev_hash,hash\r\n");
		for (AuditEntry entry : audit.all()) {
			csv.append(entry.seq())
				.append(',')
				.append(cell(entry.at().toString()))
				.append(',')
				.append(cell(entry.actor()))
				.append(',')
				.append(cell(entry.action()))
				.append(',')
				.append(cell(entry.reviewId()))
				.append(',')
				.append(cell(entry.detail()))
				.append(',')
				.append(entry.prevHash())
				.append(',')
				.append(entry.hash())
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"review-audit.csv\"")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(csv.toString());
	}

	/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}
}
