package io.pxwizard.web;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The administrator's password hash: configured, or generated once (as Jenkins does),
 * printed at that start only and kept hashed in the database.
 */
@Component
public class AdminCredentials {

	private static final Logger logger = LoggerFactory.getLogger(AdminCredentials.class);

	private final LoginPolicy policy;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private volatile String hash;

	AdminCredentials(LoginPolicy policy, JdbcClient jdbc, PasswordEncoder encoder) {
		this.policy = policy;
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	public String user() {
		return policy.adminUser();
	}

	/**
	 * The hash to check passwords against, made and announced the first time it is
	 * needed.
	 */
	public synchronized String passwordHash() {
		if (hash == null) {
			hash = policy.adminPasswordHash().isEmpty() ? storedOrGenerated() : policy.adminPasswordHash();
		}
		return hash;
	}

	private String storedOrGenerated() {
		Optional<String> stored = jdbc.sql("select password_hash from admin_credential where username = ?")
			.param(policy.adminUser())
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String generated = encoder.encode(password);
		jdbc.sql("insert into admin_credential (username, password_hash, created_at) values (?, ?, ?)")
			.params(policy.adminUser(), generated, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		// Printed once, here only; the database keeps the hash. Set
		// px-wizard.security.admin-password-hash instead.
		logger.warn("""

				*************************************************************
				px-wizard listens beyond this machine: login is required.
				User: {}   Password: {}
				This password is shown only now; it is stored hashed.
				*************************************************************""", policy.adminUser(), password);
		return generated;
	}

}
