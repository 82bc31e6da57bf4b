package io.pxwizard.uninstall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pxwizard.apply.ApplyFailure;
import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyLine.Status;
import io.pxwizard.apply.ApplyPlan;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.KubectlNames;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.cluster.PortworxVolumes;
import io.pxwizard.cluster.RunningPortworx;
import io.pxwizard.manifest.ClusterSpecManifest;

import org.springframework.stereotype.Component;

/**
 * Uninstalls Portworx as its documentation says for operator installs: set the
 * StorageCluster's {@code spec.deleteStrategy}, delete it, wait while the operator
 * removes Portworx from every node (its node wiper pods) and lets the StorageCluster go
 * (it holds it by the {@code operator.libopenstorage.org/delete} finalizer), then delete
 * the objects applied for the operator and the Essentials Secret, in the reverse of the
 * apply order. A StorageCluster already being deleted is followed rather than deleted
 * again, so an interrupted uninstall resumes where it was.
 */
@Component
public class Uninstaller {

	/** The finalizer the operator holds a StorageCluster by until Portworx is removed. */
	static final String FINALIZER = "operator.libopenstorage.org/delete";

	/** The label of the operator's node wiper pods (DaemonSet {@code px-node-wiper}). */
	static final String NODE_WIPER = "px-node-wiper";

	private static final Duration POLL = Duration.ofMillis(500);

	private final ClusterProperties properties;

	Uninstaller(ClusterProperties properties) {
		this.properties = properties;
	}

	/**
	 * Uninstalls, adding a line to the run for every step; never throws.
	 * @param confirmedName the StorageCluster's name the administrator typed,
	 * {@code null} when only the operator was left to remove
	 * @param volumesAccepted whether the administrator accepted that the Portworx volumes
	 * found become unusable (and, with wipe, lose their data)
	 */
	void uninstall(ApplyRun run, KubernetesClient client, ApplyPlan plan, DeleteStrategy strategy, String confirmedName,
			boolean volumesAccepted) {
		run.describeAs(strategy.action(), null, null);
		try {
			Optional<RunningPortworx> running = find(run, client);
			if (running.isPresent()) {
				if (!running.get().name().equals(confirmedName)) {
					run.add(new ApplyLine(running.get().kubectlName(), "not the StorageCluster confirmed ("
							+ confirmedName + "): nothing was changed; open Uninstall Portworx again", Status.FAILED));
					throw new StepFailed();
				}
				boolean volumesPresent = checkVolumes(run, client, volumesAccepted, strategy);
				if (!running.get().isBeingDeleted()) {
					setStrategy(run, client, running.get(), strategy.type(), volumesPresent);
					delete(run, client, running.get());
				}
				else {
					resume(run, client, running.get(), strategy, volumesPresent);
				}
				waitUntilGone(run, client, running.get());
				noStorageClusterLeft(run, client);
			}
			else {
				run.add(new ApplyLine(storageClusters(),
						"no StorageCluster on this cluster: only the operator's " + "objects are left to remove",
						Status.INFO));
			}
			removeOperatorObjects(run, client, plan);
			run.finish(ApplyRun.State.SUCCEEDED);
		}
		catch (StepFailed ex) {
			run.finish(ApplyRun.State.FAILED);
		}
	}

	private static Optional<RunningPortworx> find(ApplyRun run, KubernetesClient client) {
		try {
			return RunningPortworx.find(client);
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(storageClusters(), ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
	}

	/**
	 * Looked at again when the uninstall starts: a claim made since the page was shown is
	 * not uninstalled over unseen. Says whether there are any (their loss accepted).
	 */
	private static boolean checkVolumes(ApplyRun run, KubernetesClient client, boolean accepted,
			DeleteStrategy strategy) {
		PortworxVolumes volumes;
		try {
			volumes = PortworxVolumes.find(client);
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine("persistentvolumes", ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
		if (volumes.isEmpty()) {
			run.add(new ApplyLine("persistentvolumes", "no Portworx volume on this cluster", Status.DONE));
			return false;
		}
		String loss = "become unusable" + (strategy.wipes() ? " and lose their data" : "");
		if (!accepted) {
			run.add(new ApplyLine("persistentvolumes",
					"Portworx provides " + volumes.summary() + ": confirm that they " + loss, Status.FAILED));
			throw new StepFailed();
		}
		run.add(new ApplyLine("persistentvolumes", volumes.summary() + " " + loss + " (confirmed)", Status.INFO));
		return true;
	}

	/**
	 * {@code kubectl patch --type merge} of the delete strategy. With the volumes' loss
	 * accepted, {@code ignoreVolumes: true} too: newer operators block an uninstall while
	 * claims of a Portworx StorageClass exist, and older ones drop the unknown field.
	 */
	private static void setStrategy(ApplyRun run, KubernetesClient client, RunningPortworx running, String type,
			boolean ignoreVolumes) {
		try {
			Map<String, Object> deleteStrategy = new java.util.LinkedHashMap<>();
			deleteStrategy.put("type", type);
			if (ignoreVolumes) {
				deleteStrategy.put("ignoreVolumes", true);
			}
			storageCluster(client, running).patch(PatchContext.of(PatchType.JSON_MERGE),
					client.getKubernetesSerialization()
						.asJson(Map.of("spec", Map.of("deleteStrategy", deleteStrategy))));
			run.add(new ApplyLine(running.kubectlName(),
					"patched (spec.deleteStrategy.type: " + type + (ignoreVolumes ? ", ignoreVolumes: true" : "") + ")",
					Status.DONE));
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(running.kubectlName(), ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
	}

	private static void delete(ApplyRun run, KubernetesClient client, RunningPortworx running) {
		try {
			storageCluster(client, running).delete();
			run.add(new ApplyLine(running.kubectlName(), "deleted", Status.DONE));
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(running.kubectlName(), ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
	}

	/**
	 * A StorageCluster already being deleted: an uninstall was interrupted. A strategy
	 * missing is still set (the operator reads it until it lets the StorageCluster go);
	 * one already set is kept, whatever was asked now, even one px-wizard does not offer
	 * (newer operators have {@code UninstallAndDelete}).
	 */
	private static void resume(ApplyRun run, KubernetesClient client, RunningPortworx running, DeleteStrategy asked,
			boolean volumesPresent) {
		if (running.deleteStrategy() == null) {
			setStrategy(run, client, running, asked.type(), volumesPresent);
			return;
		}
		DeleteStrategy.ofType(running.deleteStrategy()).ifPresent((set) -> run.describeAs(set.action(), null, null));
		run.add(new ApplyLine(running.kubectlName(), "being deleted since " + running.deletingSince()
				+ " (spec.deleteStrategy.type: " + running.deleteStrategy() + "): following the operator",
				Status.INFO));
		if (volumesPresent) {
			// Newer operators wait for the claims unless told to ignore them.
			setStrategy(run, client, running, running.deleteStrategy(), true);
		}
	}

	/**
	 * The operator goes only when no StorageCluster is left for it to let go: another one
	 * (there should be none) keeps it.
	 */
	private static void noStorageClusterLeft(ApplyRun run, KubernetesClient client) {
		List<GenericKubernetesResource> left;
		try {
			left = RunningPortworx.storageClusters(client).orElse(List.of());
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(storageClusters(), ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
		if (!left.isEmpty()) {
			run.add(new ApplyLine(storageClusters(),
					"another StorageCluster is still here ("
							+ left.stream()
								.map((c) -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName())
								.collect(java.util.stream.Collectors.joining(", "))
							+ "): the operator stays to remove it; uninstall that one first",
					Status.FAILED));
			throw new StepFailed();
		}
	}

	private void waitUntilGone(ApplyRun run, KubernetesClient client, RunningPortworx running) {
		String name = running.kubectlName();
		run.add(new ApplyLine(name, "waiting for the operator to remove Portworx from every node (up to "
				+ properties.uninstallTimeout().toMinutes() + "m)", Status.WAITING));
		long deadline = System.nanoTime() + properties.uninstallTimeout().toNanos();
		String progress = "";
		try {
			while (true) {
				try {
					GenericKubernetesResource cluster = storageCluster(client, running).get();
					if (cluster == null) {
						run.add(new ApplyLine(name, "deleted: the operator removed Portworx and let it go",
								Status.DONE));
						return;
					}
					progress = progress(client, running.namespace(), cluster);
				}
				catch (KubernetesClientException ex) {
					// One failed look (a dropped connection) is not the end: tried again
					// until the deadline, which says it.
					progress = ApplyFailure.describe(ex);
				}
				if (System.nanoTime() - deadline >= 0) {
					run.add(new ApplyLine(name,
							"timed out waiting for the deletion; still there: " + progress
									+ (operatorRuns(client, running.namespace()) ? ""
											: "; the operator is not running, so nothing removes its finalizer")
									+ " (kubectl -n " + running.namespace() + " describe storagecluster "
									+ running.name() + "). Uninstalling again resumes from here.",
							Status.FAILED));
					throw new StepFailed();
				}
				run.add(new ApplyLine(name, "waiting for the deletion: " + progress, Status.WAITING));
				Thread.sleep(POLL.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.add(new ApplyLine(name, "interrupted while waiting for the deletion (uninstalling again resumes)",
					Status.FAILED));
			throw new StepFailed();
		}
	}

	/**
	 * What the operator is at, in its own words: the phase, its Delete condition, the
	 * node wiper pods done and the Portworx pods left.
	 */
	static String progress(KubernetesClient client, String namespace, GenericKubernetesResource cluster) {
		List<String> parts = new ArrayList<>();
		String phase = status(cluster, "phase");
		parts.add("phase " + ((phase != null) ? phase : "(none yet)"));
		deleteCondition(cluster).ifPresent((condition) -> parts.add("Delete " + condition));
		List<Pod> wipers = client.pods().inNamespace(namespace).withLabel("name", NODE_WIPER).list().getItems();
		if (!wipers.isEmpty()) {
			long done = wipers.stream().filter(Uninstaller::isReady).count();
			parts.add(NODE_WIPER + " " + done + "/" + wipers.size() + " nodes done");
		}
		int portworx = client.pods().inNamespace(namespace).withLabel("name", "portworx").list().getItems().size();
		parts.add(portworx + " px pod" + ((portworx == 1) ? "" : "s") + " left");
		List<String> finalizers = cluster.getMetadata().getFinalizers();
		if (finalizers != null && !finalizers.isEmpty()) {
			parts.add("finalizer " + String.join(", ", finalizers));
		}
		return String.join(", ", parts);
	}

	/**
	 * The operator's condition of source Portworx and type Delete: "InProgress (Started
	 * node wiper daemonset)".
	 */
	private static Optional<String> deleteCondition(GenericKubernetesResource cluster) {
		if (!(cluster.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
				|| !(status.get("conditions") instanceof List<?> conditions)) {
			return Optional.empty();
		}
		return conditions.stream()
			.filter((c) -> c instanceof Map<?, ?> map && "Delete".equals(map.get("type")))
			.map((c) -> (Map<?, ?>) c)
			.map((c) -> c.get("status") + ((c.get("message") != null) ? " (" + c.get("message") + ")" : ""))
			.reduce((first, last) -> last);
	}

	private static String status(GenericKubernetesResource cluster, String field) {
		if (cluster.getAdditionalProperties().get("status") instanceof Map<?, ?> status
				&& status.get(field) instanceof String value) {
			return value;
		}
		return null;
	}

	private static boolean isReady(Pod pod) {
		return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
				&& !pod.getStatus().getContainerStatuses().isEmpty()
				&& pod.getStatus().getContainerStatuses().stream().allMatch((c) -> Boolean.TRUE.equals(c.getReady()));
	}

	private static boolean operatorRuns(KubernetesClient client, String namespace) {
		Deployment operator;
		try {
			operator = client.apps().deployments().inNamespace(namespace).withName(PortworxApi.OPERATOR).get();
		}
		catch (KubernetesClientException ex) {
			return true;
		}
		return operator != null && operator.getStatus() != null && operator.getStatus().getAvailableReplicas() != null
				&& operator.getStatus().getAvailableReplicas() > 0;
	}

	/**
	 * {@code kubectl delete -f} of what Apply applied before the StorageCluster, last
	 * first: the Essentials Secret, then the operator's objects. A namespace is kept: it
	 * may hold more than Portworx.
	 */
	private static void removeOperatorObjects(ApplyRun run, KubernetesClient client, ApplyPlan plan) {
		List<HasMetadata> objects = new ArrayList<>(plan.operatorObjects());
		plan.clusterObjects().stream().filter((object) -> !isStorageCluster(object)).forEach(objects::add);
		Secret essentials = null;
		if (objects.stream()
			.noneMatch((object) -> "Secret".equals(object.getKind())
					&& ClusterSpecManifest.ESSENTIALS_SECRET.equals(object.getMetadata().getName()))) {
			// Applied by an Essentials spec of this cluster, if not by this one.
			essentials = new SecretBuilder().withNewMetadata()
				.withName(ClusterSpecManifest.ESSENTIALS_SECRET)
				.withNamespace(ClusterSpecManifest.ESSENTIALS_SECRET_NAMESPACE)
				.endMetadata()
				.build();
			objects.add(essentials);
		}
		Collections.reverse(objects);
		for (HasMetadata object : objects) {
			String name = KubectlNames.of(object);
			if ("Namespace".equals(object.getKind())) {
				run.add(new ApplyLine(name, "kept: it may hold more than Portworx (kubectl delete namespace "
						+ object.getMetadata().getName() + ")", Status.INFO));
				continue;
			}
			try {
				boolean deleted = !client.resource(object).delete().isEmpty();
				if (deleted || object != essentials) {
					run.add(new ApplyLine(name, deleted ? "deleted" : "not found", Status.DONE));
				}
			}
			catch (KubernetesClientException ex) {
				if (ex.getCode() == 404) {
					if (object != essentials) {
						run.add(new ApplyLine(name, "not found", Status.DONE));
					}
					continue;
				}
				run.add(new ApplyLine(name, ApplyFailure.describe(ex), Status.FAILED));
				throw new StepFailed();
			}
		}
	}

	private static boolean isStorageCluster(HasMetadata object) {
		return PortworxApi.STORAGE_CLUSTER.equals(object.getKind())
				&& PortworxApi.API_VERSION.equals(object.getApiVersion());
	}

	private static Resource<GenericKubernetesResource> storageCluster(KubernetesClient client,
			RunningPortworx running) {
		return client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace(running.namespace())
			.withName(running.name());
	}

	private static String storageClusters() {
		return PortworxResources.STORAGE_CLUSTERS.getPlural() + "." + PortworxApi.GROUP;
	}

	/** A step failed and its line says why; the run ends there. */
	private static final class StepFailed extends RuntimeException {

		StepFailed() {
			super(null, null, false, false);
		}

	}

}
