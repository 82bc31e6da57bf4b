package testidp;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for px-wizard's sign-in tests: Spring Authorization
 * Server on a loopback port, with one confidential client that must use PKCE, and users
 * whose ID tokens carry a {@code groups} claim (an operator, a viewer, neither) or none.
 * It lives outside {@code io.pxwizard} so px-wizard's own contexts never pick it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
public class TestIdentityProvider {

	public static final String CLIENT_ID = "px-wizard";

	public static final String CLIENT_SECRET = "px-wizard-secret";

	public static final String PASSWORD = "idp password";

	/** Each user's groups; {@code nogroups} gets no claim at all. */
	private static final Map<String, List<String>> GROUPS = Map.of("olga", List.of("px-wizard-operators"), "victor",
			List.of("px-wizard-viewers", "staff"), "stranger", List.of("staff"));

	/**
	 * Starts the provider; its issuer is {@code http://localhost:<port>}, and after a
	 * sign-out it sends the browser back to px-wizard's login page on {@code clientPort}.
	 */
	public static ConfigurableApplicationContext start(int clientPort) {
		String client = "spring.security.oauth2.authorizationserver.client.px-wizard.";
		return new SpringApplicationBuilder(TestIdentityProvider.class).properties("spring.main.banner-mode=off")
			.run("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=-1",
					"--spring.thymeleaf.check-template-location=false",
					// It shares px-wizard's classpath, so its application.yaml: a
					// provider's own session cookie
					// must come back after the cross-site redirect from px-wizard.
					"--server.servlet.session.cookie.same-site=lax",
					"--" + client + "registration.client-id=" + CLIENT_ID,
					"--" + client + "registration.client-secret={noop}" + CLIENT_SECRET,
					"--" + client + "registration.client-authentication-methods=client_secret_basic",
					"--" + client + "registration.authorization-grant-types=authorization_code,refresh_token",
					// A loopback redirect URI: any port is allowed (RFC 8252, 7.3).
					"--" + client + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/oidc",
					// RP-initiated logout: the URI must match exactly, port included.
					"--" + client + "registration.post-logout-redirect-uris=http://127.0.0.1:" + clientPort
							+ "/login?logout",
					"--" + client + "registration.scopes=openid,profile", "--" + client + "require-proof-key=true",
					"--" + client + "require-authorization-consent=false");
	}

	public static int port(ConfigurableApplicationContext provider) {
		return ((WebServerApplicationContext) provider).getWebServer().getPort();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(user("olga"), user("victor"), user("stranger"), user("nogroups"));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
		return (context) -> {
			List<String> groups = GROUPS.get(context.getPrincipal().getName());
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) && groups != null) {
				context.getClaims().claim("groups", groups);
			}
		};
	}

	private static org.springframework.security.core.userdetails.UserDetails user(String name) {
		return User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build();
	}

}
