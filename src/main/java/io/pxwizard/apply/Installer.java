package io.pxwizard.apply;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.cluster.RunningPortworx;
import io.pxwizard.apply.ApplyLine.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * {@code kubectl apply --server-side}, in the order Portworx needs: the operator's
 * objects, a wait for the operator Deployment to be available, a wait for the
 * StorageCluster CRD the operator registers to be Established, then the Secret and the
 * StorageCluster, and once it is Online the spec's StorageClasses
 * ({@link StorageClassApplier}). Server-side apply with one field manager makes a second
 * run change nothing.
 */
@Component
public class Installer {

	public static final String FIELD_MANAGER = "px-wizard";

	/**
	 * How often the rollout is looked at, as {@code kubectl rollout status} polls its
	 * watch.
	 */
	private static final Duration ROLLOUT_POLL = Duration.ofMillis(500);

	private static final String CRD_NAME = "customresourcedefinition.apiextensions.k8s.io/"
			+ PortworxApi.STORAGE_CLUSTER_CRD;

	private final ClusterProperties properties;

	private final StorageClassApplier storageClasses;

	Installer(ClusterProperties properties) {
		this.properties = properties;
		this.storageClasses = new StorageClassApplier(properties);
	}

	/**
	 * Applies the plan, adding a line to the run for every object and wait; never throws.
	 */
	void apply(ApplyRun run, KubernetesClient client, ApplyPlan plan) {
		try {
			checkRunningPortworx(run, client, plan);
			for (HasMetadata object : plan.operatorObjects()) {
				apply(run, client, object);
			}
			if (run.dryRun()) {
				run.add(new ApplyLine(CRD_NAME, "not waited for in a dry run", Status.INFO));
			}
			else {
				waitForOperator(run, client, plan.namespace());
				waitForStorageClusterType(run, client);
			}
			for (HasMetadata object : plan.clusterObjects()) {
				apply(run, client, object);
			}
			if (!storageClasses.apply(run, client, plan)) {
				throw new StepFailed();
			}
			run.finish(ApplyRun.State.SUCCEEDED);
		}
		catch (StepFailed ex) {
			run.finish(ApplyRun.State.FAILED);
		}
	}

	/**
	 * Before anything is applied: a Portworx already running here is named, and what
	 * would break it (a downgrade, a second StorageCluster in another namespace) is
	 * refused.
	 */
	private static void checkRunningPortworx(ApplyRun run, KubernetesClient client, ApplyPlan plan) {
		Optional<RunningPortworx> running;
		try {
			running = RunningPortworx.find(client);
		}
		catch (RuntimeException ex) {
			run.add(new ApplyLine(PortworxResources.STORAGE_CLUSTERS.getPlural() + "." + PortworxApi.GROUP,
					ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
		if (running.isEmpty()) {
			return;
		}
		Optional<String> refusal = ReleaseGuard.refusal(running.get(), client, plan);
		if (refusal.isPresent()) {
			run.add(new ApplyLine(running.get().kubectlName(), refusal.get(), Status.FAILED));
			throw new StepFailed();
		}
		ReleaseGuard.upgradeTarget(running.get(), client, plan)
			.ifPresent((target) -> run.describeAs(ApplyRun.Action.UPGRADE,
					(running.get().version() != null) ? running.get().version().toString() : "?", target.toString()));
		run.add(new ApplyLine(running.get().kubectlName(),
				running.get().describe() + " runs here; " + ReleaseGuard.change(running.get(), client, plan),
				Status.INFO));
	}

	private void apply(ApplyRun run, KubernetesClient client, HasMetadata object) {
		String name = KubectlNames.of(object);
		try {
			if (run.dryRun()) {
				run.add(new ApplyLine(name, dryRun(client, object), Status.INFO));
			}
			else {
				resource(client, object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
				run.add(new ApplyLine(name, "serverside-applied", Status.DONE));
			}
		}
		catch (RuntimeException ex) {
			if (run.dryRun() && isStorageCluster(object) && ApplyFailure.of(ex) == ApplyFailure.NOT_FOUND) {
				run.add(new ApplyLine(name, "would be created once the operator has registered the StorageCluster type",
						Status.INFO));
				return;
			}
			run.add(new ApplyLine(name, ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
	}

	/**
	 * A server-side dry run, compared with what the cluster holds: would it create,
	 * change or leave the object?
	 */
	private String dryRun(KubernetesClient client, HasMetadata object) {
		Resource<? extends HasMetadata> resource = resource(client, object);
		HasMetadata existing = resource.get();
		HasMetadata result = resource.dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
		if (existing == null) {
			return "serverside-applied (server dry run): would be created";
		}
		// A Secret's values are never printed, only the fields that would change.
		List<String> changes = FieldDiff.between(comparable(client, existing), comparable(client, result),
				!"Secret".equals(object.getKind()));
		return "serverside-applied (server dry run): "
				+ (changes.isEmpty() ? "unchanged" : "would be changed: " + FieldDiff.summary(changes));
	}

	/** The object without what the server alone writes. */
	private static JsonNode comparable(KubernetesClient client, HasMetadata object) {
		ObjectNode node = (ObjectNode) client.getKubernetesSerialization().convertValue(object, JsonNode.class);
		node.remove("status");
		if (node.get("metadata") instanceof ObjectNode metadata) {
			metadata.remove(List.of("resourceVersion", "managedFields", "generation", "creationTimestamp", "uid"));
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static Resource<? extends HasMetadata> resource(KubernetesClient client, HasMetadata object) {
		if (isStorageCluster(object)) {
			return client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
				.inNamespace(object.getMetadata().getNamespace())
				.resource(asGeneric(client, object));
		}
		return (Resource<? extends HasMetadata>) (Resource<?>) client.resource(object);
	}

	private static GenericKubernetesResource asGeneric(KubernetesClient client, HasMetadata object) {
		if (object instanceof GenericKubernetesResource generic) {
			return generic;
		}
		return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
	}

	private static boolean isStorageCluster(HasMetadata object) {
		return PortworxApi.STORAGE_CLUSTER.equals(object.getKind())
				&& PortworxApi.API_VERSION.equals(object.getApiVersion());
	}

	/**
	 * Waits as {@code kubectl rollout status} does: the Deployment's current generation
	 * observed and its updated replicas available. Its {@code Available} condition alone
	 * is no proof: with one replica and {@code maxUnavailable: 1} Kubernetes reports it
	 * True before any pod is ready. A pod that does not come up is named with its reason
	 * and image.
	 */
	private void waitForOperator(ApplyRun run, KubernetesClient client, String namespace) {
		String name = "deployment.apps/" + PortworxApi.OPERATOR;
		run.add(new ApplyLine(name, "Waiting for deployment \"" + PortworxApi.OPERATOR + "\" rollout to finish (up to "
				+ properties.operatorTimeout().toMinutes() + "m)", Status.WAITING));
		long deadline = System.nanoTime() + properties.operatorTimeout().toNanos();
		String stuck = null;
		try {
			var operator = client.apps().deployments().inNamespace(namespace).withName(PortworxApi.OPERATOR);
			while (true) {
				Deployment deployment = operator.get();
				if (RolloutStatus.isComplete(deployment)) {
					run.add(new ApplyLine(name, "successfully rolled out", Status.DONE));
					return;
				}
				String progressFailure = RolloutStatus.progressDeadlineExceeded(deployment);
				stuck = RolloutStatus.stuckPod(
						client.pods().inNamespace(namespace).withLabel("name", PortworxApi.OPERATOR).list().getItems())
					.orElse(null);
				if (progressFailure != null || System.nanoTime() - deadline >= 0) {
					String reason = (stuck != null) ? stuck
							: (progressFailure != null) ? progressFailure : RolloutStatus.describe(deployment);
					run.add(new ApplyLine(name, "timed out waiting for the rollout: " + reason + " (kubectl -n "
							+ namespace + " describe pod -l name=" + PortworxApi.OPERATOR + ")", Status.FAILED));
					throw new StepFailed();
				}
				if (stuck != null) {
					run.add(new ApplyLine(name,
							"Waiting for deployment \"" + PortworxApi.OPERATOR + "\" rollout to finish: " + stuck,
							Status.WAITING));
				}
				Thread.sleep(ROLLOUT_POLL.toMillis());
			}
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(name, ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.add(new ApplyLine(name, "interrupted while waiting for the rollout", Status.FAILED));
			throw new StepFailed();
		}
	}

	private void waitForStorageClusterType(ApplyRun run, KubernetesClient client) {
		run.add(new ApplyLine(CRD_NAME, "waiting for condition=Established (the operator registers it; up to "
				+ properties.crdTimeout().toMinutes() + "m)", Status.WAITING));
		try {
			var crd = client.apiextensions().v1().customResourceDefinitions().withName(PortworxApi.STORAGE_CLUSTER_CRD);
			if (!isEstablished(crd.get())) {
				crd.waitUntilCondition(Installer::isEstablished, properties.crdTimeout().toMillis(),
						TimeUnit.MILLISECONDS);
			}
			run.add(new ApplyLine(CRD_NAME, "condition met", Status.DONE));
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(CRD_NAME, ApplyFailure.describe(ex), Status.FAILED));
			throw new StepFailed();
		}
	}

	static boolean isEstablished(CustomResourceDefinition crd) {
		return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
				&& crd.getStatus()
					.getConditions()
					.stream()
					.anyMatch((c) -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
	}

	/** A step failed and its line says why; the run ends there. */
	private static final class StepFailed extends RuntimeException {

		StepFailed() {
			super(null, null, false, false);
		}

	}

}
