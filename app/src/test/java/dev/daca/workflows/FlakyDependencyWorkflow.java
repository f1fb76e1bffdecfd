package dev.daca.workflows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;
import io.dapr.workflows.WorkflowStub;

/**
 * A one-step workflow whose activity calls an HTTP dependency (the test's {@link FlakyDependency}) and fails when it
 * does not answer 2xx. It calls the activity through {@link Activities}, exactly as the shipped workflows do, so the
 * retry policy under test is the one they all get from {@link RetrySettings}.
 */
class FlakyDependencyWorkflow implements Workflow {

	private final Activities activities;

	FlakyDependencyWorkflow(Activities activities) {
		this.activities = activities;
	}

	@Override
	public WorkflowStub create() {
		return ctx -> ctx.complete(activities.call(ctx, CallDependencyActivity.class, ctx.getInput(String.class),
				String.class));
	}

	/** GET the URL; its body on 2xx, otherwise an exception (the activity fails). */
	static class CallDependencyActivity implements WorkflowActivity {

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		@Override
		public Object run(WorkflowActivityContext ctx) {
			String url = ctx.getInput(String.class);
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 2) {
					throw new IllegalStateException("dependency answered " + response.statusCode() + ": "
							+ response.body());
				}
				return response.body();
			}
			catch (IOException ex) {
				throw new IllegalStateException("dependency unreachable: " + ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
