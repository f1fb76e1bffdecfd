package dev.daca.bindings.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /triggers/{job}}: a scheduled function run by an external scheduler (cron-job.org, a platform's cron).
 * The key goes in {@code X-Trigger-Key} or {@code Authorization: Bearer <key>}. 200 with the run when it succeeded,
 * 409 when another run holds the job's lock, 500 when it failed (the run is recorded either way), 404 for an unknown
 * job, 401 without the right key, 403 from another machine when no key is configured.
 */
@RestController
@RequestMapping("/triggers")
class TriggersController {

	private final JobRunner runner;

	private final TriggerProperties properties;

	TriggersController(JobRunner runner, TriggerProperties properties) {
		this.runner = runner;
		this.properties = properties;
	}

	@PostMapping("/{job}")
	ResponseEntity<?> trigger(@PathVariable String job, @RequestHeader(name = "X-Trigger-Key", required = false)
			String key, @RequestHeader(name = "Authorization", required = false) String authorization,
			HttpServletRequest request) {
		ProblemDetail refused = refusal(key, authorization, request.getRemoteAddr());
		if (refused != null) {
			return ResponseEntity.status(refused.getStatus()).body(refused);
		}
		if (!runner.knows(job)) {
			return problem(HttpStatus.NOT_FOUND, "Unknown job", "no scheduled job '" + job + "'; jobs: "
					+ runner.jobNames(), null);
		}
		ScheduledRun run = runner.run(job, RunTrigger.HTTP);
		return switch (run.outcome()) {
			case ScheduledRun.SUCCEEDED -> ResponseEntity.ok(run);
			case ScheduledRun.SKIPPED -> problem(HttpStatus.CONFLICT, "Already running", run.note(), run);
			default -> problem(HttpStatus.INTERNAL_SERVER_ERROR, "Job failed", run.note(), run);
		};
	}

	/** Null when the request may trigger; else the problem to answer. */
	ProblemDetail refusal(String key, String authorization, String remoteAddress) {
		if (!properties.keyed()) {
			return loopback(remoteAddress) ? null : ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"no daca.triggers.key is configured: jobs may only be triggered from this machine");
		}
		String offered = key != null ? key
				: authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
		if (offered == null || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8),
				properties.key().getBytes(StandardCharsets.UTF_8))) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"send the trigger key in X-Trigger-Key or Authorization: Bearer");
			problem.setTitle("Trigger key required");
			return problem;
		}
		return null;
	}

	private static boolean loopback(String address) {
		try {
			return address != null && InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			ScheduledRun run) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (run != null) {
			problem.setProperty("run", run);
		}
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler(JobRunner.UnknownJob.class)
	ResponseEntity<ProblemDetail> unknown(JobRunner.UnknownJob ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown job", ex.getMessage(), null);
	}
}
