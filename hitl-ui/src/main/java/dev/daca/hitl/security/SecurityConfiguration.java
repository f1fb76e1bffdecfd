package dev.daca.hitl.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three filter chains.
 * <ul>
 * <li>The agent protocol endpoints (MCP, A2A): stateless, no CSRF token, no login: their own API-key filters
 * (bindings' ProtocolKeys) guard them outside the embedded default.</li>
 * <li>The machine endpoints (/fn, /events, /api, /workflows, /actuator, /v3/api-docs): stateless, no session cookie, so no CSRF
 * token; open on the embedded default, otherwise HTTP Basic (health probes stay open, the rest of actuator is ADMIN).</li>
 * <li>The reviewer's pages: always logged in (form login at /login, or OIDC as soon as a
 * {@code spring.security.oauth2.client.registration.*} is configured), CSRF on, a strict content security policy.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain agentEndpoints(HttpSecurity http, HitlSecurityProperties properties) throws Exception {
		return http.securityMatcher(properties.agentEndpoints().toArray(String[]::new))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain machineEndpoints(HttpSecurity http, HitlSecurityProperties properties) throws Exception {
		http.securityMatcher(properties.machineEndpoints().toArray(String[]::new))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		if (properties.embeddedDefault()) {
			http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		}
		else {
			http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
				.permitAll()
				.requestMatchers("/actuator/**", "/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated()).httpBasic(Customizer.withDefaults());
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain reviewerPages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/login", "/webjars/**", "/hitl/**", "/error", "/favicon.ico")
			.permitAll()
			.requestMatchers("/audit/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
							+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'")));
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/inbox", false));
		}
		return http.build();
	}

	/**
	 * The form-login users in force ({@link HitlSecurityProperties#usersInForce()}). Plain-text ({noop}) passwords are
	 * refused: store a hash. Outside the embedded default a web app with neither users nor an OIDC registration has
	 * no way to log in: a mistake, so the start stops naming the properties. Lives here, with the web chains, so the
	 * one-shot mode ({@code --daca.run-once}, no web server) never needs a login.
	 */
	@Bean
	UserDetailsService reviewerAccounts(HitlSecurityProperties properties, PasswordEncoder passwords,
			ObjectProvider<ClientRegistrationRepository> oidc) {
		List<HitlSecurityProperties.User> configured = properties.usersInForce();
		if (!properties.embeddedDefault() && configured.isEmpty() && oidc.getIfAvailable() == null) {
			throw new IllegalStateException(NO_LOGIN);
		}
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (HitlSecurityProperties.User user : configured) {
			if (user.password() == null || !user.password().startsWith("{") || user.password().startsWith("{noop}")) {
				throw new IllegalStateException("daca.hitl.security.users: the password of " + user.name()
						+ " must be a hash with its id, e.g. {bcrypt}$2a$10$...");
			}
			users.createUser(User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build());
		}
		return users;
	}

	static final String NO_LOGIN = "daca.hitl.security.embedded-default is false (a deployment) but no one can log in: "
			+ "set daca.hitl.security.users (DACA_HITL_SECURITY_USERS_0_NAME, _PASSWORD as {bcrypt}..., _ROLES_0) or an "
			+ "OIDC registration under spring.security.oauth2.client.registration.<id>.* (client-id, client-secret; "
			+ "provider.<id>.issuer-uri). The demo users (daca.hitl.security.demo-users) count only on the embedded "
			+ "default.";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** OIDC: the roles come from a claim (daca.hitl.security.roles-claim, default "roles") of the ID token. */
	@Bean
	GrantedAuthoritiesMapper oidcRoles(HitlSecurityProperties properties) {
		return authorities -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority oidcUser
						&& oidcUser.getAttributes().get(properties.rolesClaim()) instanceof Collection<?> roles) {
					for (Object role : roles) {
						String name = String.valueOf(role).toUpperCase();
						if (List.of("REVIEWER", "CLINICIAN", "HOMEOWNER", "ADMIN").contains(name)) {
							mapped.add(new SimpleGrantedAuthority("ROLE_" + name));
						}
					}
				}
			}
			return mapped;
		};
	}
}
