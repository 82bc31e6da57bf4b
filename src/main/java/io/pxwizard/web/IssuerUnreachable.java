package io.pxwizard.web;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * An identity provider whose OpenID configuration cannot be read at the configured issuer
 * URL (wrong address, provider down, or an issuer that names itself differently) stops
 * start-up with the URL and what to check, not a page of stack trace.
 */
class IssuerUnreachable implements FailureAnalyzer {

	/** Spring Security's words when discovery at an issuer fails or disagrees. */
	private static final String[] SIGNS = { "Unable to resolve Configuration with the provided Issuer",
			"did not match the requested issuer" };

	private final Environment environment;

	IssuerUnreachable(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && matches(message)) {
				return new FailureAnalysis(
						"px-wizard could not read the identity provider's OpenID configuration at " + issuers() + ": "
								+ message + rootCause(cause),
						"Check spring.security.oauth2.client.provider.<name>.issuer-uri: it must be the issuer exactly "
								+ "as the provider names itself (its /.well-known/openid-configuration answers there), "
								+ "and the provider must be reachable from px-wizard.",
						cause);
			}
		}
		return null;
	}

	private static boolean matches(String message) {
		for (String sign : SIGNS) {
			if (message.contains(sign)) {
				return true;
			}
		}
		return false;
	}

	private static String rootCause(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return (root != cause && root.getMessage() != null) ? " (" + root.getMessage() + ")" : "";
	}

	/** The configured issuer URLs, as set. */
	private String issuers() {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return "the configured issuer";
		}
		String found = configurable.getPropertySources()
			.stream()
			.filter(EnumerablePropertySource.class::isInstance)
			.flatMap((source) -> java.util.Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
			.filter((name) -> name.startsWith("spring.security.oauth2.client.provider.")
					&& name.endsWith(".issuer-uri"))
			.distinct()
			.map(environment::getProperty)
			.distinct()
			.collect(Collectors.joining(", "));
		return found.isEmpty() ? "the configured issuer" : found;
	}

}
