package io.pxwizard.apply;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterProperties;

/** Applies for tests of other packages that need Portworx installed first. */
public final class InstallerAccess {

	private InstallerAccess() {
	}

	public static void apply(ClusterProperties properties, ApplyRun run, KubernetesClient client, ApplyPlan plan) {
		new Installer(properties).apply(run, client, plan);
	}

}
