package io.pxwizard.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what once a login is needed. Viewers see specs, manifests, history and live
 * status; operators also change the cluster and the saved specs. (On loopback without a
 * login everyone may do everything.)
 */
public final class Roles {

	/**
	 * May apply, upgrade, uninstall, verify, scan nodes, save, rename or delete specs,
	 * switch the cluster.
	 */
	public static final String OPERATOR = "OPERATOR";

	/** May look. */
	public static final String VIEWER = "VIEWER";

	/**
	 * The requests only operators may make: every one that changes a cluster, a saved
	 * spec or the connection.
	 */
	static final RequestMatcher OPERATOR_ACTIONS = new OrRequestMatcher(post("/apply/**"), post("/specs"),
			post("/specs/*/rename"), post("/specs/*/delete"), post("/scan/**"), post("/verify"), post("/uninstall"),
			post("/uninstall/**"), post("/cluster/context"), post("/cluster/disconnect"));

	private Roles() {
	}

	/** Whether this signed-in user is an operator. */
	public static boolean isOperator(Authentication user) {
		return user != null && user.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + OPERATOR).equals(authority.getAuthority()));
	}

	private static RequestMatcher post(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
	}

}
