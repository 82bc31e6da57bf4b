package io.pxwizard.apply;

import java.util.Optional;

/**
 * Runs as the database holds them, for runs this instance did not start (another
 * replica's, or one from before a restart).
 */
public interface RunArchive {

	Optional<ApplyRun> find(String runId);

}
