package io.pxwizard.web;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestHeader;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * CSRF on every state-changing request (forms and htmx alike) and strict browser headers
 * always; a login as soon as px-wizard listens beyond loopback: the administrator's
 * password (configured or generated), or OIDC when an OAuth2 client registration is
 * configured.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** Scripts and styles only from this server: the pages hold no inline script. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	/**
	 * htmx requests: a signed-out page reloads itself (and so reaches the login page)
	 * rather than swap one in.
	 */
	static final RequestMatcher HTMX_REQUESTS = new RequestHeaderRequestMatcher(
			HtmxRequestHeader.HX_REQUEST.getValue());

	/** Scripts and streams get 401 rather than a login page. */
	static final RequestMatcher API_REQUESTS = (request) -> request.getRequestURI().startsWith("/status/stream")
			|| !ClientKind.wantsHtml(request);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginPolicy policy,
			@Value("${server.address:}") String serverAddress, ObjectProvider<ClientRegistrationRepository> oidc,
			MessageSource messages) throws Exception {
		// The token travels in a cookie rather than the session, so showing a page never
		// creates a session.
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(oidc.getIfAvailable())))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		if (!policy.requiresLogin(serverAddress)) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/login", "/error", "/assets/**", "/webjars/**")
					.permitAll()
					// Manifests hold nothing the URL does not; an air-gapped cluster's
					// kubectl fetches them without a login.
					.requestMatchers("/install/**")
					.permitAll()
					.requestMatchers("/actuator/health/**", "/actuator/prometheus")
					.permitAll()
					.requestMatchers(Roles.OPERATOR_ACTIONS)
					.hasRole(Roles.OPERATOR)
					.anyRequest()
					.hasAnyRole(Roles.OPERATOR, Roles.VIEWER))
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new OperatorsOnly(messages))
				.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), HTMX_REQUESTS)
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API_REQUESTS));
		ClientRegistrationRepository registrations = oidc.getIfAvailable();
		if (registrations != null) {
			http.oauth2Login((login) -> login.loginPage("/login")
				.userInfoEndpoint((userInfo) -> userInfo.userAuthoritiesMapper(new GroupRoles(policy))));
			// Signing out of px-wizard signs out of the identity provider too (OpenID
			// Connect RP-initiated logout, where it offers an end_session_endpoint), or
			// the next "Sign in" would let the same person in without a password.
			OidcClientInitiatedLogoutSuccessHandler endSession = new OidcClientInitiatedLogoutSuccessHandler(
					registrations);
			endSession.setPostLogoutRedirectUri("{baseUrl}/login?logout");
			endSession.setDefaultTargetUrl("/login?logout");
			http.logout((logout) -> logout.logoutSuccessHandler(endSession));
		}
		return http.build();
	}

	/**
	 * The page's policy; with an identity provider, its sign-out endpoint may be a form's
	 * destination too (browsers hold the Sign out form's redirect to it to
	 * {@code form-action}).
	 */
	static String contentSecurityPolicy(ClientRegistrationRepository registrations) {
		if (!(registrations instanceof Iterable<?> all)) {
			return CONTENT_SECURITY_POLICY;
		}
		Set<String> origins = new TreeSet<>();
		for (Object registration : all) {
			Object endSession = ((ClientRegistration) registration).getProviderDetails()
				.getConfigurationMetadata()
				.get("end_session_endpoint");
			if (endSession != null) {
				URI uri = URI.create(endSession.toString());
				origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
			}
		}
		return origins.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace("form-action 'self'",
				"form-action 'self' " + String.join(" ", origins));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The administrator (an operator), read lazily: no password is made while no login is
	 * needed; and the viewer account, when one is configured.
	 */
	@Bean
	UserDetailsService administrator(AdminCredentials credentials, LoginPolicy policy) {
		return (username) -> {
			if (credentials.user().equals(username)) {
				return User.withUsername(username).password(credentials.passwordHash()).roles(Roles.OPERATOR).build();
			}
			if (policy.hasViewer() && policy.viewerUser().equals(username)) {
				return User.withUsername(username).password(policy.viewerPasswordHash()).roles(Roles.VIEWER).build();
			}
			throw new UsernameNotFoundException("No such user");
		};
	}

	/**
	 * When a login is needed, the generated password is made (and printed) at start-up,
	 * not at the first login.
	 */
	@Bean
	ApplicationRunner announceAdministrator(LoginPolicy policy, @Value("${server.address:}") String serverAddress,
			AdminCredentials credentials) {
		return (arguments) -> {
			if (policy.requiresLogin(serverAddress)) {
				credentials.passwordHash();
			}
		};
	}

}
