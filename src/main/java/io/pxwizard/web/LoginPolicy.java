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
 */
@ConfigurationProperties("px-wizard.security")
public record LoginPolicy(Boolean loginRequired, String adminUser, String adminPasswordHash) {

	public LoginPolicy {
		adminUser = (adminUser == null || adminUser.isBlank()) ? "admin" : adminUser;
		adminPasswordHash = (adminPasswordHash == null) ? "" : adminPasswordHash.strip();
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
