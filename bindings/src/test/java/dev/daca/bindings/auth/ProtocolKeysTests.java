package dev.daca.bindings.auth;

import org.junit.jupiter.api.Test;

import dev.daca.hitl.security.HitlSecurityProperties;
import dev.daca.hitl.security.Reviewer;
import dev.daca.hitl.security.Reviewers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API keys on /mcp and /a2a: only when configured, and then only the right key passes; a reviewer's key on /mcp
 * also says who calls.
 */
class ProtocolKeysTests {

	/** The stored form of the key "carol-key" ({@code printf %s carol-key | sha256sum}). */
	private static final String CAROL_KEY = "{sha256}368c3387fc9b5ce6ab156ad952031f52bc9154e89a727020cd314f8910a21823";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(ProtocolKeys.class, Users.class)
		.withBean(Reviewers.class);

	@EnableConfigurationProperties(HitlSecurityProperties.class)
	static class Users {
	}

	@Test
	void theEmbeddedDefaultHasNoKeyAndNoGuard() {
		context.run(ctx -> assertThat(ctx).doesNotHaveBean("a2aApiKey")
			.getBean("mcpApiKey", FilterRegistrationBean.class)
			.satisfies(guard -> assertThat(guard.isEnabled()).isFalse()));
		context.withPropertyValues("daca.mcp.api-key=", "daca.a2a.api-key= ")
			.run(ctx -> assertThat(ctx.getBean("mcpApiKey", FilterRegistrationBean.class).isEnabled()).isFalse());
	}

	@Test
	void aConfiguredKeyGuardsItsEndpoint() {
		context.withPropertyValues("daca.mcp.api-key=s3cret").run(ctx -> {
			assertThat(ctx).hasBean("mcpApiKey").doesNotHaveBean("a2aApiKey");
			FilterRegistrationBean<?> guard = ctx.getBean("mcpApiKey", FilterRegistrationBean.class);
			assertThat(guard.isEnabled()).isTrue();
			assertThat(guard.getUrlPatterns()).containsExactlyInAnyOrder("/mcp", "/mcp/*");
		});
		context.withPropertyValues("daca.a2a.api-key=k").run(ctx -> assertThat(ctx).hasBean("a2aApiKey"));
		context.withPropertyValues("daca.mcp.reviewer-keys[0].reviewer=carol",
				"daca.mcp.reviewer-keys[0].key=" + CAROL_KEY, "daca.mcp.reviewer-keys[0].roles=CLINICIAN")
			.run(ctx -> assertThat(ctx.getBean("mcpApiKey", FilterRegistrationBean.class).isEnabled()).isTrue());
	}

	@Test
	void aReviewerKeyNamesTheReviewerWithTheirRolesAndGroups() throws Exception {
		context.withPropertyValues("daca.mcp.api-key=s3cret", "daca.mcp.reviewer-keys[0].reviewer=carol",
				"daca.mcp.reviewer-keys[0].key=" + CAROL_KEY, "daca.hitl.security.users[0].name=carol",
				"daca.hitl.security.users[0].password={bcrypt}x", "daca.hitl.security.users[0].roles=CLINICIAN")
			.run(ctx -> {
				ApiKeyFilter filter = (ApiKeyFilter) ctx.getBean("mcpApiKey", FilterRegistrationBean.class).getFilter();
				MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
				request.addHeader("Authorization", "Bearer carol-key");
				MockFilterChain chain = new MockFilterChain();
				filter.doFilter(request, new MockHttpServletResponse(), chain);
				Reviewer carol = (Reviewer) chain.getRequest().getAttribute(ReviewerKeys.REVIEWER);
				assertThat(carol.name()).isEqualTo("carol");
				assertThat(carol.roles()).containsExactly("CLINICIAN");
				assertThat(carol.groups()).containsExactly("clinicians");
				assertThat(status(filter, "Bearer s3cret", null)).isEqualTo(200);
				assertThat(status(filter, "Bearer carol-kex", null)).isEqualTo(401);
			});
	}

	@Test
	void theDemoUsersKeysCountOnlyOnTheEmbeddedDefault() {
		String[] demo = { "daca.mcp.demo-reviewer-keys[0].reviewer=carol",
				"daca.mcp.demo-reviewer-keys[0].key=" + CAROL_KEY, "daca.mcp.demo-reviewer-keys[0].roles=CLINICIAN" };
		context.withPropertyValues(demo)
			.withPropertyValues("daca.hitl.security.embedded-default=true")
			.run(ctx -> assertThat(ctx.getBean(ReviewerKeys.class).find("carol-key")).isPresent());
		context.withPropertyValues(demo)
			.withPropertyValues("daca.hitl.security.embedded-default=false")
			.run(ctx -> {
				assertThat(ctx.getBean(ReviewerKeys.class).find("carol-key")).isEmpty();
				assertThat(ctx.getBean("mcpApiKey", FilterRegistrationBean.class).isEnabled()).isFalse();
			});
	}

	@Test
	void aPlainKeyOrAReviewerWithoutRolesIsRefusedAtStartup() {
		context.withPropertyValues("daca.mcp.reviewer-keys[0].reviewer=carol", "daca.mcp.reviewer-keys[0].key=carol-key")
			.run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("{sha256}"));
		context.withPropertyValues("daca.mcp.reviewer-keys[0].reviewer=nobody",
				"daca.mcp.reviewer-keys[0].key=" + CAROL_KEY)
			.run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("nobody has no roles"));
	}

	@Test
	void withoutASharedKeyACallerWithNoKeyPassesButAnUnknownKeyDoesNot() throws Exception {
		ApiKeyFilter open = new ApiKeyFilter(null, null, "mcp");
		assertThat(status(open, null, null)).isEqualTo(200);
		assertThat(status(open, "Bearer guess", null)).isEqualTo(401);
	}

	@Test
	void onlyTheRightKeyPasses() throws Exception {
		ApiKeyFilter filter = new ApiKeyFilter("s3cret", "mcp");
		assertThat(status(filter, null, null)).isEqualTo(401);
		assertThat(status(filter, "Bearer wrong", null)).isEqualTo(401);
		assertThat(status(filter, "Basic s3cret", null)).isEqualTo(401);
		assertThat(status(filter, null, "s3cre")).isEqualTo(401);
		assertThat(status(filter, "Bearer s3cret", null)).isEqualTo(200);
		assertThat(status(filter, "bearer s3cret", null)).isEqualTo(200);
		assertThat(status(filter, null, "s3cret")).isEqualTo(200);
	}

	@Test
	void aRefusalSaysHowToAuthenticate() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new ApiKeyFilter("s3cret", "mcp").doFilter(new MockHttpServletRequest("POST", "/mcp"), response,
				new MockFilterChain());
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"mcp\"");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("Authorization: Bearer");
	}

	private static int status(ApiKeyFilter filter, String authorization, String apiKey) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		if (apiKey != null) {
			request.addHeader("X-API-Key", apiKey);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		return chain.getRequest() == null ? response.getStatus() : 200;
	}
}
