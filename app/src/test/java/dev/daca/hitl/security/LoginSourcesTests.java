package dev.daca.hitl.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a login can come from: the demo users only on the embedded default, and outside it a web app with neither
 * users nor an OIDC registration refuses to start. The security configuration alone, with Spring Security's and the
 * OAuth2 client's and Spring MVC's auto-configuration (no app, no broker).
 */
class LoginSourcesTests {

	static final String DEMO_CAROL = "daca.hitl.security.demo-users[0].name=carol";

	static final String[] DEMO = { DEMO_CAROL, "daca.hitl.security.demo-users[0].roles=CLINICIAN",
			"daca.hitl.security.demo-users[0].password={bcrypt}$2a$04$demo" };

	final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class))
		.withUserConfiguration(SecuritySettings.class, SecurityConfiguration.class);

	@Test
	void theDemoUsersCountOnlyOnTheEmbeddedDefault() {
		web.withPropertyValues(DEMO)
			.withPropertyValues("daca.hitl.security.embedded-default=true")
			.run(ctx -> assertThat(ctx.getBean(UserDetailsService.class).loadUserByUsername("carol").getAuthorities())
				.extracting(Object::toString)
				.containsExactly("ROLE_CLINICIAN"));
		web.withPropertyValues(DEMO)
			.withPropertyValues("daca.hitl.security.embedded-default=false", "daca.hitl.security.users[0].name=rita",
					"daca.hitl.security.users[0].password={bcrypt}$2a$04$x", "daca.hitl.security.users[0].roles=REVIEWER")
			.run(ctx -> {
				UserDetailsService users = ctx.getBean(UserDetailsService.class);
				assertThat(users.loadUserByUsername("rita").getUsername()).isEqualTo("rita");
				assertThatThrownBy(() -> users.loadUserByUsername("carol")).isInstanceOf(UsernameNotFoundException.class);
			});
	}

	@Test
	void aDeploymentWithNoWayToLogInDoesNotStartAndSaysWhatToSet() {
		web.withPropertyValues(DEMO) // demo users do not count outside the embedded default
			.withPropertyValues("daca.hitl.security.embedded-default=false")
			.run(ctx -> assertThat(ctx).getFailure()
				.rootCause()
				.hasMessageContaining("daca.hitl.security.embedded-default is false")
				.hasMessageContaining("DACA_HITL_SECURITY_USERS_0_NAME")
				.hasMessageContaining("spring.security.oauth2.client.registration"));
	}

	@Test
	void anOidcRegistrationAloneIsAWayToLogIn() {
		String registration = "spring.security.oauth2.client.registration.entra.";
		String provider = "spring.security.oauth2.client.provider.entra.";
		web.withPropertyValues("daca.hitl.security.embedded-default=false", registration + "client-id=daca",
				registration + "client-secret=s", registration + "scope=openid,profile",
				registration + "authorization-grant-type=authorization_code",
				registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
				provider + "authorization-uri=https://idp.example/authorize", provider + "token-uri=https://idp.example/token",
				provider + "jwk-set-uri=https://idp.example/keys", provider + "user-name-attribute=sub")
			.run(ctx -> {
				assertThat(ctx).hasNotFailed();
				assertThatThrownBy(() -> ctx.getBean(UserDetailsService.class).loadUserByUsername("carol"))
					.isInstanceOf(UsernameNotFoundException.class);
			});
	}

	@Test
	void aOneShotRunWithoutAWebServerNeedsNoLogin() {
		new ApplicationContextRunner().withUserConfiguration(SecuritySettings.class, SecurityConfiguration.class)
			.withPropertyValues("daca.hitl.security.embedded-default=false")
			.run(ctx -> {
				assertThat(ctx).hasNotFailed().doesNotHaveBean(UserDetailsService.class);
				assertThat(ctx.getBean(HitlSecurityProperties.class).usersInForce()).isEmpty();
			});
	}
}
