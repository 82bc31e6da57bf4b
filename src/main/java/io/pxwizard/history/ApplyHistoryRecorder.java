package io.pxwizard.history;

import java.util.Optional;

import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRunListener;
import io.pxwizard.apply.RunArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Records every run as it goes (its start, each line, its end), so the other instances on
 * the same database can show it; a database that fails mid-run costs the record, never
 * the run.
 */
@Component
class ApplyHistoryRecorder implements ApplyRunListener, RunArchive {

	private static final Logger logger = LoggerFactory.getLogger(ApplyHistoryRecorder.class);

	private final ApplyHistoryRepository history;

	private final MessageSource messages;

	ApplyHistoryRecorder(ApplyHistoryRepository history, MessageSource messages) {
		this.history = history;
		this.messages = messages;
	}

	@Override
	public void started(ApplyRun run, String instance) {
		try {
			history.started(run, instance);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not record the start of run {}: {}", run.id(), ex.getMessage());
		}
	}

	@Override
	public void lineWritten(ApplyRun run, int position, ApplyLine line) {
		try {
			history.line(run.id(), position, line);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not record a line of run {}: {}", run.id(), ex.getMessage());
		}
	}

	@Override
	public void refused(ApplyRun run) {
		try {
			history.forget(run.id());
		}
		catch (DataAccessException ex) {
			logger.warn("Could not remove run {}, which never ran: {}", run.id(), ex.getMessage());
		}
	}

	@Override
	public void finished(ApplyRun run) {
		try {
			history.record(run);
		}
		catch (DataAccessException ex) {
			// The spec URL holds the Essentials ID: only the version is logged.
			logger.error("Could not record the apply of a Portworx {} spec to {}", run.version(),
					run.cluster().server(), ex);
		}
	}

	@Override
	public void abandoned(String runId, String instance) {
		try {
			history.abandoned(runId, instance,
					messages.getMessage("run.abandoned", null, LocaleContextHolder.getLocale()));
		}
		catch (DataAccessException ex) {
			logger.warn("Could not record that run {} was abandoned: {}", runId, ex.getMessage());
		}
	}

	@Override
	public Optional<ApplyRun> find(String runId) {
		try {
			return history.run(runId);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not read run {}: {}", runId, ex.getMessage());
			return Optional.empty();
		}
	}

}
