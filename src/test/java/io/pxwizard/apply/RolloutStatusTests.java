package io.pxwizard.apply;

import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's rollout judged as {@code kubectl rollout status} judges it.
 */
class RolloutStatusTests {

	@Test
	void aRolloutIsCompleteOnceTheCurrentGenerationIsSeenUpdatedAndAvailable() {
		assertThat(RolloutStatus.isComplete(deployment(2L, 2L, 1, 1, 1))).isTrue();
		assertThat(RolloutStatus.isComplete(deployment(2L, 1L, 1, 1, 1))).isFalse();
		assertThat(RolloutStatus.isComplete(deployment(2L, 2L, 1, 2, 1))).isFalse();
		assertThat(RolloutStatus.isComplete(deployment(2L, 2L, 0, 1, 0))).isFalse();
	}

	@Test
	void anExceededDeadlineCountsOnlyForTheGenerationTheControllerHasSeen() {
		assertThat(RolloutStatus.progressDeadlineExceeded(withDeadlineExceeded(2L, 2L)))
			.isEqualTo("deployment \"portworx-operator\" exceeded its progress deadline");
		// The condition is the previous generation's: kubectl waits too.
		assertThat(RolloutStatus.progressDeadlineExceeded(withDeadlineExceeded(3L, 2L))).isNull();
	}

	@Test
	void aStuckPodIsNamedUnlessItIsTerminating() {
		Pod pulling = stuck("portworx-operator-new", false);
		Pod leaving = stuck("portworx-operator-old", true);
		assertThat(RolloutStatus.stuckPod(List.of(leaving))).isEmpty();
		assertThat(RolloutStatus.stuckPod(List.of(leaving, pulling))).hasValueSatisfying((reason) -> assertThat(reason)
			.isEqualTo("pod/portworx-operator-new: ImagePullBackOff on docker.io/portworx/px-operator:1.5.0"));
	}

	private static Deployment deployment(Long generation, Long observed, int updated, int replicas, int available) {
		return new DeploymentBuilder().withNewMetadata()
			.withName("portworx-operator")
			.withGeneration(generation)
			.endMetadata()
			.withNewSpec()
			.withReplicas(1)
			.endSpec()
			.withNewStatus()
			.withObservedGeneration(observed)
			.withUpdatedReplicas(updated)
			.withReplicas(replicas)
			.withAvailableReplicas(available)
			.endStatus()
			.build();
	}

	private static Deployment withDeadlineExceeded(Long generation, Long observed) {
		return new DeploymentBuilder(deployment(generation, observed, 0, 1, 0)).editStatus()
			.addNewCondition()
			.withType("Progressing")
			.withStatus("False")
			.withReason("ProgressDeadlineExceeded")
			.endCondition()
			.endStatus()
			.build();
	}

	private static Pod stuck(String name, boolean terminating) {
		return new PodBuilder().withNewMetadata()
			.withName(name)
			.withDeletionTimestamp(terminating ? "2026-12-02T07:00:00Z" : null)
			.endMetadata()
			.withNewStatus()
			.addNewContainerStatus()
			.withName("portworx-operator")
			.withImage("docker.io/portworx/px-operator:1.5.0")
			.withNewState()
			.withNewWaiting()
			.withReason("ImagePullBackOff")
			.withMessage("Back-off pulling image")
			.endWaiting()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build();
	}

}
