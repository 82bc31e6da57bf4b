package io.pxwizard.status;

import java.time.Duration;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KubectlFormatTests {

	@ParameterizedTest(name = "{0}s is {1}")
	@CsvSource({ "0, 0s", "45, 45s", "119, 119s", "120, 2m", "310, 5m10s", "600, 10m", "7199, 119m", "10800, 3h",
			"11100, 3h5m", "28800, 8h", "172799, 47h", "172800, 2d", "439200, 5d2h", "691200, 8d", "34560000, 400d",
			"63072000, 2y", "-5, 0s" })
	void ageIsKubectlsShortForm(long seconds, String expected) {
		assertThat(KubectlFormat.age(Duration.ofSeconds(seconds))).isEqualTo(expected);
	}

	@Test
	void readyCountsReadyContainers() {
		Pod pod = pod("Running").editStatus()
			.addNewContainerStatus()
			.withName("a")
			.withReady(true)
			.endContainerStatus()
			.addNewContainerStatus()
			.withName("b")
			.withReady(false)
			.endContainerStatus()
			.endStatus()
			.build();
		assertThat(KubectlFormat.ready(pod)).isEqualTo("1/3");
		assertThat(KubectlFormat.isReady(pod)).isFalse();
	}

	@Test
	void statusUsesTheWaitingReason() {
		Pod pulling = pod("Pending").editStatus()
			.addNewContainerStatus()
			.withName("a")
			.withNewState()
			.withNewWaiting()
			.withReason("ImagePullBackOff")
			.withMessage("Back-off pulling image \"portworx/oci-monitor:2.8.1.5\"")
			.endWaiting()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build();
		assertThat(KubectlFormat.status(pulling)).isEqualTo("ImagePullBackOff");
		assertThat(KubectlFormat.why(pulling))
			.isEqualTo("a: ImagePullBackOff: Back-off pulling image \"portworx/oci-monitor:2.8.1.5\"");
		Pod creating = pod("Pending").editStatus()
			.addNewContainerStatus()
			.withName("a")
			.withNewState()
			.withNewWaiting()
			.withReason("ContainerCreating")
			.endWaiting()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build();
		assertThat(KubectlFormat.status(creating)).isEqualTo("ContainerCreating");
		Pod crashing = pod("Running").editStatus()
			.addNewContainerStatus()
			.withName("a")
			.withRestartCount(4)
			.withNewState()
			.withNewWaiting()
			.withReason("CrashLoopBackOff")
			.endWaiting()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build();
		assertThat(KubectlFormat.status(crashing)).isEqualTo("CrashLoopBackOff");
		assertThat(KubectlFormat.restarts(crashing)).isEqualTo(4);
	}

	@Test
	void statusOfFinishedDeletedAndInitialisingPods() {
		Pod completed = pod("Succeeded").editStatus()
			.addNewContainerStatus()
			.withName("a")
			.withNewState()
			.withNewTerminated()
			.withExitCode(0)
			.withReason("Completed")
			.endTerminated()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build();
		assertThat(KubectlFormat.status(completed)).isEqualTo("Completed");
		Pod deleted = new PodBuilder(pod("Running").build()).editMetadata()
			.withDeletionTimestamp("2026-11-25T10:00:00Z")
			.endMetadata()
			.build();
		assertThat(KubectlFormat.status(deleted)).isEqualTo("Terminating");
		Pod initialising = pod("Pending").editSpec()
			.addNewInitContainer()
			.withName("init")
			.endInitContainer()
			.endSpec()
			.editStatus()
			.addNewInitContainerStatus()
			.withName("init")
			.withNewState()
			.withNewRunning()
			.endRunning()
			.endState()
			.endInitContainerStatus()
			.endStatus()
			.build();
		assertThat(KubectlFormat.status(initialising)).isEqualTo("Init:0/1");
		assertThat(KubectlFormat.status(pod("Pending").build())).isEqualTo("Pending");
	}

	@Test
	void unschedulablePodSaysWhy() {
		Pod pending = pod("Pending").editStatus()
			.addNewCondition()
			.withType("PodScheduled")
			.withStatus("False")
			.withReason("Unschedulable")
			.withMessage("0/3 nodes are available: 3 Insufficient memory.")
			.endCondition()
			.endStatus()
			.build();
		assertThat(KubectlFormat.why(pending))
			.isEqualTo("Unschedulable: 0/3 nodes are available: 3 Insufficient memory.");
	}

	private static PodBuilder pod(String phase) {
		return new PodBuilder().withNewMetadata()
			.withName("p")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("a")
			.endContainer()
			.addNewContainer()
			.withName("b")
			.endContainer()
			.addNewContainer()
			.withName("c")
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withPhase(phase)
			.endStatus();
	}

}
