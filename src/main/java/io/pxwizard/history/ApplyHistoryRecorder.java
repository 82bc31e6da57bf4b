package io.pxwizard.history;

import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRunListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** Records every apply when it ends. */
@Component
class ApplyHistoryRecorder implements ApplyRunListener {

	private static final Logger logger = LoggerFactory.getLogger(ApplyHistoryRecorder.class);

	private final ApplyHistoryRepository history;

	ApplyHistoryRecorder(ApplyHistoryRepository history) {
		this.history = history;
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

}
