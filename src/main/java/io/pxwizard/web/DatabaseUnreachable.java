package io.pxwizard.web;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A database px-wizard cannot reach stops start-up with what was tried and what to check,
 * not a page of stack trace: the URL without its parameters (they may hold a password).
 */
class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	DatabaseUnreachable(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable failure, SQLException cause) {
		String url = environment.getProperty("spring.datasource.url", "");
		int parameters = url.indexOf('?');
		String shown = (parameters >= 0) ? url.substring(0, parameters) : url;
		return new FailureAnalysis(
				"px-wizard could not use its database " + shown + ": " + cause.getMessage() + " (SQL state "
						+ cause.getSQLState() + ").",
				"Check that the database runs and answers on that address, and that spring.datasource.url, "
						+ "spring.datasource.username and spring.datasource.password are right. Without them px-wizard "
						+ "keeps its data in an H2 file (px-wizard.database-path).",
				cause);
	}

}
