package io.pxwizard.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Pods described in {@code kubectl get pods} words: READY, STATUS, RESTARTS and AGE
 * columns.
 */
public final class KubectlFormat {

	private KubectlFormat() {
	}

	/**
	 * kubectl's short age: {@code 45s}, {@code 5m10s} under 10 minutes, {@code 3h5m},
	 * {@code 5d2h}, {@code 400d}.
	 */
	public static String age(Duration age) {
		long seconds = Math.max(0, age.getSeconds());
		long minutes = seconds / 60;
		long hours = minutes / 60;
		long days = hours / 24;
		if (seconds < 60 * 2) {
			return seconds + "s";
		}
		if (minutes < 10) {
			long rest = seconds % 60;
			return (rest == 0) ? minutes + "m" : minutes + "m" + rest + "s";
		}
		if (hours < 3) {
			return minutes + "m";
		}
		if (hours < 8) {
			long rest = minutes % 60;
			return (rest == 0) ? hours + "h" : hours + "h" + rest + "m";
		}
		if (hours < 48) {
			return hours + "h";
		}
		if (days < 8) {
			long rest = hours % 24;
			return (rest == 0) ? days + "d" : days + "d" + rest + "h";
		}
		if (days < 365 * 2) {
			return days + "d";
		}
		return (days / 365) + "y";
	}

	public static String age(String creationTimestamp, Instant now) {
		if (creationTimestamp == null) {
			return "<unknown>";
		}
		return age(Duration.between(Instant.parse(creationTimestamp), now));
	}

	/** Ready containers over containers: {@code 2/3}. */
	public static String ready(Pod pod) {
		int total = pod.getSpec() == null ? 0 : pod.getSpec().getContainers().size();
		long ready = containerStatuses(pod).stream().filter((s) -> Boolean.TRUE.equals(s.getReady())).count();
		return ready + "/" + total;
	}

	public static boolean isReady(Pod pod) {
		int total = pod.getSpec() == null ? 0 : pod.getSpec().getContainers().size();
		return total > 0 && pod.getMetadata().getDeletionTimestamp() == null && "Running".equals(phase(pod))
				&& containerStatuses(pod).stream().filter((s) -> Boolean.TRUE.equals(s.getReady())).count() == total;
	}

	public static int restarts(Pod pod) {
		return containerStatuses(pod).stream()
			.mapToInt((s) -> (s.getRestartCount() == null) ? 0 : s.getRestartCount())
			.sum();
	}

	/**
	 * The STATUS column as kubectl prints it: the pod's reason or phase, overridden by an
	 * init container's state ({@code Init:0/1}), a container's waiting or terminated
	 * reason ({@code ContainerCreating}, {@code ImagePullBackOff},
	 * {@code CrashLoopBackOff}, {@code Completed}), and {@code Terminating} when deleted.
	 */
	public static String status(Pod pod) {
		String reason = phase(pod);
		if (pod.getStatus() != null && pod.getStatus().getReason() != null) {
			reason = pod.getStatus().getReason();
		}
		List<ContainerStatus> initStatuses = (pod.getStatus() == null
				|| pod.getStatus().getInitContainerStatuses() == null) ? List.of()
						: pod.getStatus().getInitContainerStatuses();
		for (int i = 0; i < initStatuses.size(); i++) {
			ContainerStatus init = initStatuses.get(i);
			if (init.getState() == null) {
				continue;
			}
			if (init.getState().getTerminated() != null
					&& Integer.valueOf(0).equals(init.getState().getTerminated().getExitCode())) {
				continue;
			}
			if (init.getState().getTerminated() != null) {
				return "Init:" + orElse(init.getState().getTerminated().getReason(), "Error");
			}
			if (init.getState().getWaiting() != null && init.getState().getWaiting().getReason() != null
					&& !"PodInitializing".equals(init.getState().getWaiting().getReason())) {
				return "Init:" + init.getState().getWaiting().getReason();
			}
			int total = (pod.getSpec().getInitContainers() == null) ? initStatuses.size()
					: pod.getSpec().getInitContainers().size();
			return "Init:" + i + "/" + total;
		}
		boolean running = false;
		for (ContainerStatus container : containerStatuses(pod)) {
			if (container.getState() == null) {
				continue;
			}
			if (container.getState().getWaiting() != null && container.getState().getWaiting().getReason() != null) {
				reason = container.getState().getWaiting().getReason();
			}
			else if (container.getState().getTerminated() != null) {
				String terminated = container.getState().getTerminated().getReason();
				reason = (terminated != null) ? terminated : "Completed";
			}
			else if (container.getState().getRunning() != null && Boolean.TRUE.equals(container.getReady())) {
				running = true;
			}
		}
		if ("Completed".equals(reason) && running) {
			reason = "Running";
		}
		if (pod.getMetadata().getDeletionTimestamp() != null) {
			return "Terminating";
		}
		return reason;
	}

	/** Why a pod is not ready: a container's waiting or terminated reason and message. */
	public static String why(Pod pod) {
		for (ContainerStatus container : containerStatuses(pod)) {
			if (container.getState() == null) {
				continue;
			}
			if (container.getState().getWaiting() != null && container.getState().getWaiting().getMessage() != null) {
				return container.getName() + ": " + container.getState().getWaiting().getReason() + ": "
						+ container.getState().getWaiting().getMessage();
			}
			if (container.getState().getTerminated() != null
					&& container.getState().getTerminated().getMessage() != null) {
				return container.getName() + ": " + container.getState().getTerminated().getReason() + ": "
						+ container.getState().getTerminated().getMessage();
			}
		}
		if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
			return pod.getStatus()
				.getConditions()
				.stream()
				.filter((c) -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
						&& c.getMessage() != null)
				.map((c) -> orElse(c.getReason(), "Unschedulable") + ": " + c.getMessage())
				.findFirst()
				.orElse(null);
		}
		return null;
	}

	private static String phase(Pod pod) {
		return (pod.getStatus() == null || pod.getStatus().getPhase() == null) ? "Pending" : pod.getStatus().getPhase();
	}

	private static List<ContainerStatus> containerStatuses(Pod pod) {
		return (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) ? List.of()
				: pod.getStatus().getContainerStatuses();
	}

	private static String orElse(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

}
