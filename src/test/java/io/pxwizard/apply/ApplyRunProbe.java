package io.pxwizard.apply;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterInfo;
import io.pxwizard.cluster.ClusterProperties;

/**
 * Runs the real {@link Installer} from tests outside this package (the k3s test) and
 * reports how it went.
 */
public record ApplyRunProbe(boolean succeeded, List<ApplyLine> lines) {

	public static ApplyRunProbe apply(KubernetesClient client, ApplyPlan plan, ClusterInfo cluster, Duration wait) {
		ApplyRun run = new ApplyRun("k3s", "", Map.of(), "", "", "kube-system", false, true, cluster);
		new Installer(new ClusterProperties(false, Duration.ofSeconds(10), Duration.ofSeconds(30), wait, wait))
			.apply(run, client, plan);
		return new ApplyRunProbe(run.state() == ApplyRun.State.SUCCEEDED, run.lines());
	}

}
