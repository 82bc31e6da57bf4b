package io.pxwizard.apply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/**
 * A Deployment's rollout as {@code kubectl rollout status} judges it (kubectl's
 * {@code DeploymentStatusViewer}): the controller has seen the current generation, every
 * replica is updated, old ones are gone and the updated ones are available. Its pods'
 * waiting reasons say why not.
 */
final class RolloutStatus {

	/**
	 * Waiting reasons that do not pass by themselves: the pod needs the administrator.
	 */
	private static final Set<String> STUCK = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
			"ErrImageNeverPull", "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError",
			"RunContainerError");

	private RolloutStatus() {
	}

	static boolean isComplete(Deployment deployment) {
		if (deployment == null || deployment.getStatus() == null || deployment.getSpec() == null) {
			return false;
		}
		DeploymentStatus status = deployment.getStatus();
		Long generation = deployment.getMetadata().getGeneration();
		if (generation != null
				&& (status.getObservedGeneration() == null || status.getObservedGeneration() < generation)) {
			return false;
		}
		int wanted = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
		int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
		int replicas = Objects.requireNonNullElse(status.getReplicas(), 0);
		int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
		return updated >= wanted && replicas <= updated && available >= updated;
	}

	/** kubectl's "deployment exceeded its progress deadline", or {@code null}. */
	static String progressDeadlineExceeded(Deployment deployment) {
		if (deployment == null || deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
			return null;
		}
		// As kubectl: a condition speaks of the current generation only once the
		// controller has seen it.
		Long generation = deployment.getMetadata().getGeneration();
		Long observed = deployment.getStatus().getObservedGeneration();
		if (generation != null && (observed == null || observed < generation)) {
			return null;
		}
		for (DeploymentCondition condition : deployment.getStatus().getConditions()) {
			if ("Progressing".equals(condition.getType()) && "ProgressDeadlineExceeded".equals(condition.getReason())) {
				return "deployment \"" + deployment.getMetadata().getName() + "\" exceeded its progress deadline";
			}
		}
		return null;
	}

	/** How far the rollout is, in kubectl's words. */
	static String describe(Deployment deployment) {
		if (deployment == null) {
			return "the deployment does not exist";
		}
		DeploymentStatus status = (deployment.getStatus() != null) ? deployment.getStatus() : new DeploymentStatus();
		int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
		int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
		return available + " of " + updated + " updated replicas are available";
	}

	/**
	 * The first pod held by a reason that will not pass by itself:
	 * {@code pod/x: ImagePullBackOff on <image>}.
	 */
	static Optional<String> stuckPod(List<Pod> pods) {
		for (Pod pod : pods) {
			// A terminating pod is the old ReplicaSet's: its troubles are over.
			if (pod.getStatus() == null || pod.getMetadata().getDeletionTimestamp() != null) {
				continue;
			}
			for (List<ContainerStatus> statuses : List.of(nonNull(pod.getStatus().getInitContainerStatuses()),
					nonNull(pod.getStatus().getContainerStatuses()))) {
				for (ContainerStatus container : statuses) {
					if (container.getState() != null && container.getState().getWaiting() != null
							&& STUCK.contains(container.getState().getWaiting().getReason())) {
						return Optional.of("pod/" + pod.getMetadata().getName() + ": "
								+ container.getState().getWaiting().getReason() + " on " + container.getImage());
					}
				}
			}
		}
		return Optional.empty();
	}

	private static List<ContainerStatus> nonNull(List<ContainerStatus> statuses) {
		return (statuses != null) ? statuses : List.of();
	}

}
