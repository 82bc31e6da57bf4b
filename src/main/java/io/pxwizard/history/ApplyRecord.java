package io.pxwizard.history;

import java.time.Instant;
import java.util.List;

import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyRun;

/**
 * One recorded apply.
 *
 * @param id the key
 * @param version the spec's Portworx version
 * @param query the spec's canonical query
 * @param clusterServer the API server applied to
 * @param clusterContext its context
 * @param dryRun whether it was a server-side dry run
 * @param result SUCCEEDED or FAILED
 * @param reason why it failed, or {@code null}
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param action an apply, an upgrade or an uninstall
 * @param upgradedFrom the release an upgrade started from, else {@code null}
 * @param upgradedTo the release an upgrade went to, else {@code null}
 * @param actor who started it, empty when no login was needed
 * @param lines what happened to each object, in order
 */
public record ApplyRecord(long id, String version, String query, String clusterServer, String clusterContext,
		boolean dryRun, String result, String reason, Instant startedAt, Instant finishedAt, ApplyRun.Action action,
		String upgradedFrom, String upgradedTo, String actor, List<ApplyLine> lines) {

	public boolean succeeded() {
		return "SUCCEEDED".equals(result);
	}

	public String specUrl() {
		return "/spec/" + version + "?" + query;
	}

}
