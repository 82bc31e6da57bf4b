package io.pxwizard.apply;

/**
 * Told as a run goes: when it starts, each line as it is written, and when it ends (the
 * apply history keeps all three in the database, so any px-wizard instance can show the
 * run).
 */
public interface ApplyRunListener {

	/** A run has started on this instance. */
	default void started(ApplyRun run, String instance) {
	}

	/** A line was written at a position: a new one, or the wait it ends. */
	default void lineWritten(ApplyRun run, int position, ApplyLine line) {
	}

	/**
	 * A run that had started was refused the cluster (another run holds it): it never
	 * ran.
	 */
	default void refused(ApplyRun run) {
	}

	void finished(ApplyRun run);

	/**
	 * A run of another instance was found abandoned: its instance stopped renewing the
	 * cluster's Lease and this one took it over.
	 */
	default void abandoned(String runId, String instance) {
	}

}
