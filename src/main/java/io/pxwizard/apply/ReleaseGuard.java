package io.pxwizard.apply;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.cluster.RunningPortworx;
import io.pxwizard.model.PortworxVersion;

/**
 * What Apply may do over the Portworx a cluster already runs: Portworx does not
 * downgrade, and a second StorageCluster in another namespace would take the same disks.
 * The preflight and the Installer ask the same questions here.
 */
final class ReleaseGuard {

	private ReleaseGuard() {
	}

	/** The release a plan installs: its StorageCluster's image tag. */
	static Optional<PortworxVersion> target(KubernetesClient client, ApplyPlan plan) {
		return storageCluster(plan)
			.map((object) -> client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class))
			.flatMap(RunningPortworx::version);
	}

	/** Why applying the plan over what runs is refused, or empty when it may go on. */
	static Optional<String> refusal(RunningPortworx running, KubernetesClient client, ApplyPlan plan) {
		Optional<HasMetadata> planned = storageCluster(plan);
		if (planned.isPresent() && !planned.get().getMetadata().getNamespace().equals(running.namespace())) {
			return Optional.of(running.describe() + " runs in " + running.namespace() + "; this spec installs into "
					+ planned.get().getMetadata().getNamespace()
					+ ": a second StorageCluster would take the same disks (uninstall the running one first, or keep its namespace)");
		}
		Optional<PortworxVersion> target = target(client, plan);
		if (running.version() == null || target.isEmpty()) {
			return Optional.empty();
		}
		if (target.get().isOlderThan(running.version())) {
			return Optional.of(running.describe() + " runs here: Portworx cannot be downgraded to " + target.get()
					+ " (pick a release at " + running.version() + " or newer)");
		}
		return plan.upgradePaths()
			.stream()
			.filter((path) -> path.applies(running.version().toString(), target.get().toString()))
			.findFirst()
			.map((path) -> running.describe() + " runs here: Portworx does not upgrade " + running.version() + " to "
					+ target.get() + " in one step; apply " + String.join(", then ", path.through()) + " first, then "
					+ target.get() + " (" + path.source() + ")");
	}

	/**
	 * "; Apply upgrades it to 3.1.6 (…)" or "; Apply updates its spec": what Apply does
	 * to what runs.
	 */
	static String change(RunningPortworx running, KubernetesClient client, ApplyPlan plan) {
		return upgradeTarget(running, client, plan).map((version) -> "Apply upgrades it to " + version
				+ " (the operator first, then the StorageCluster's image: the operator replaces the px pods node by node)")
			.orElse("Apply updates its spec");
	}

	/** The release Apply upgrades what runs to, empty when it keeps the release. */
	static Optional<PortworxVersion> upgradeTarget(RunningPortworx running, KubernetesClient client, ApplyPlan plan) {
		return target(client, plan)
			.filter((version) -> running.version() == null || version.compareTo(running.version()) != 0);
	}

	private static Optional<HasMetadata> storageCluster(ApplyPlan plan) {
		return plan.clusterObjects()
			.stream()
			.filter((object) -> PortworxApi.STORAGE_CLUSTER.equals(object.getKind())
					&& PortworxApi.API_VERSION.equals(object.getApiVersion()))
			.findFirst();
	}

}
