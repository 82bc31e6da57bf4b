package io.pxwizard.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether pages need a login. Off only while px-wizard listens on a loopback address; on
 * as soon as it listens on anything else (or when asked for).
 *
 * @param loginRequired force login on ({@code true}) or decide from
 * {@code server.address} ({@code null})
 * @param adminUser the administrator's user name
 * @param adminPasswordHash a configured password hash ({@code {bcrypt}$2a$…}); when
 * empty, one is generated at first start, printed once and stored hashed
 * @param viewerUser a viewer account's user name for the login form (none when empty)
 * @param viewerPasswordHash its password hash
 * @param rolesClaim the identity provider's claim that lists a user's groups
 * @param operatorGroup the group whose members are operators
 * @param viewerGroup the group whose members are viewers
 */
@ConfigurationProperties("px-wizard.security")
public record LoginPolicy(Boolean loginRequired, String adminUser, String adminPasswordHash, String viewerUser,
		String viewerPasswordHash, String rolesClaim, String operatorGroup, String viewerGroup) {

	public LoginPolicy {
		adminUser = (adminUser == null || adminUser.isBlank()) ? "admin" : adminUser;
		adminPasswordHash = (adminPasswordHash == null) ? "" : adminPasswordHash.strip();
		viewerUser = (viewerUser == null) ? "" : viewerUser.strip();
		viewerPasswordHash = (viewerPasswordHash == null) ? "" : viewerPasswordHash.strip();
		rolesClaim = (rolesClaim == null || rolesClaim.isBlank()) ? "groups" : rolesClaim.strip();
		operatorGroup = (operatorGroup == null || operatorGroup.isBlank()) ? "px-wizard-operators"
				: operatorGroup.strip();
		viewerGroup = (viewerGroup == null || viewerGroup.isBlank()) ? "px-wizard-viewers" : viewerGroup.strip();
	}

	/** Whether a viewer account is configured for the login form. */
	public boolean hasViewer() {
		return !viewerUser.isEmpty() && !viewerPasswordHash.isEmpty();
	}

	/**
	 * Whether a login is needed when listening on {@code serverAddress} ({@code null}:
	 * every interface).
	 */
	public boolean requiresLogin(String serverAddress) {
		if (loginRequired != null) {
			return loginRequired;
		}
		if (serverAddress == null || serverAddress.isBlank()) {
			return true;
		}
		try {
			return !InetAddress.getByName(serverAddress).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

}
