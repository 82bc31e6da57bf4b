package io.pxwizard.apply;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.pxwizard.cluster.ClusterInfo;

/** Finished applies made up for tests of what records them. */
public final class ApplyRunFixture {

	private ApplyRunFixture() {
	}

	/** A run not started yet, for a test that runs an operation itself. */
	public static ApplyRun newRun(String version, String query, ClusterInfo cluster) {
		return new ApplyRun("test", version, Map.of(), query, "/spec/" + version + "?" + query, "kube-system", false,
				true, cluster);
	}

	/**
	 * A run that has just started under an id and tells each line's position as it is
	 * written, as {@link ApplyRuns} has it recorded.
	 */
	public static ApplyRun running(String id, String version, String query, ClusterInfo cluster,
			BiConsumer<Integer, ApplyLine> written) {
		ApplyRun run = new ApplyRun(id, version, Map.of(), query, "/spec/" + version + "?" + query, "kube-system",
				false, true, cluster);
		run.observe(written::accept);
		return run;
	}

	/** A finished upgrade from a release, started by someone. */
	public static ApplyRun upgraded(String from, String version, String query, String actor, List<ApplyLine> lines,
			ClusterInfo cluster) {
		ApplyRun run = new ApplyRun("test", version, Map.of(), query, "/spec/" + version + "?" + query, "kube-system",
				false, true, cluster);
		run.startedBy(actor);
		run.describeAs(ApplyRun.Action.UPGRADE, from, version);
		lines.forEach(run::add);
		run.finish(ApplyRun.State.SUCCEEDED);
		return run;
	}

	public static ApplyRun finished(String version, String query, List<ApplyLine> lines, ClusterInfo cluster) {
		ApplyRun run = new ApplyRun("test", version, Map.of(), query, "/spec/" + version + "?" + query, "kube-system",
				false, true, cluster);
		lines.forEach(run::add);
		boolean failed = lines.stream().anyMatch((line) -> line.status() == ApplyLine.Status.FAILED);
		run.finish(failed ? ApplyRun.State.FAILED : ApplyRun.State.SUCCEEDED);
		return run;
	}

}
