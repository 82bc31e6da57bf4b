package io.pxwizard.apply;

import java.util.List;
import java.util.Map;

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
