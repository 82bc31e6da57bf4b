package io.pxwizard.verify;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.apply.ApplyFailure;
import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyLine.Status;
import io.pxwizard.apply.ApplyRun;

import org.springframework.stereotype.Component;

/**
 * "Verify storage": proof that a StorageClass gives volumes that hold data. A small
 * PersistentVolumeClaim of the class, then a pod (restartPolicy Never) that writes a
 * token on the volume, syncs, reads it back and exits 0 only when it matches; each step
 * in kubectl's words with its time; the pod and the claim are deleted afterwards, always.
 * A failure is explained from the objects' events (the provisioner's ProvisioningFailed,
 * the scheduler's FailedScheduling, the kubelet's image pull).
 */
@Component
public class StorageVerifier {

	/** The label every object of a verification carries, to find leftovers. */
	public static final String TASK_LABEL = "px-wizard.io/task";

	public static final String TASK = "verify-storage";

	private static final Duration POLL = Duration.ofMillis(500);

	private final VerifyProperties properties;

	StorageVerifier(VerifyProperties properties) {
		this.properties = properties;
	}

	/**
	 * Verifies a StorageClass, adding a line per step; never throws.
	 * @param image the image the pod runs (through the cluster's custom registry)
	 */
	void verify(ApplyRun run, KubernetesClient client, String storageClass, String image) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String name = "px-wizard-verify-" + id;
		String namespace = properties.namespace();
		long started = System.nanoTime();
		Outcome outcome = new Outcome();
		try {
			client.persistentVolumeClaims()
				.inNamespace(namespace)
				.resource(claim(namespace, name, storageClass))
				.create();
			run.add(new ApplyLine("persistentvolumeclaim/" + name,
					"created (" + properties.size() + ", storageClassName " + storageClass + ")", Status.DONE));
			// The pod comes at once: a WaitForFirstConsumer class binds only for a pod.
			client.pods().inNamespace(namespace).resource(pod(namespace, name, image, id)).create();
			run.add(new ApplyLine("pod/" + name, "created (image " + image + ", writes and reads back the volume)",
					Status.DONE));
			watch(run, client, namespace, name, started, outcome);
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(name, ApplyFailure.describe(ex), Status.FAILED));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.add(new ApplyLine(name, "interrupted", Status.FAILED));
		}
		finally {
			cleanUp(run, client, namespace, name, outcome.volume);
			run.finish(outcome.passed ? ApplyRun.State.SUCCEEDED : ApplyRun.State.FAILED);
		}
	}

	/**
	 * Follows the claim until it is Bound, then the pod until it ends: a line for each
	 * step, a failed line when the provisioner refuses, the pod fails or time runs out.
	 */
	private void watch(ApplyRun run, KubernetesClient client, String namespace, String name, long started,
			Outcome outcome) throws InterruptedException {
		String claimName = "persistentvolumeclaim/" + name;
		String podName = "pod/" + name;
		long deadline = started + properties.timeout().toNanos();
		while (true) {
			boolean late = System.nanoTime() - deadline >= 0;
			if (outcome.volume == null) {
				PersistentVolumeClaim claim = client.persistentVolumeClaims()
					.inNamespace(namespace)
					.withName(name)
					.get();
				if (claim != null && claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase())) {
					outcome.volume = claim.getSpec().getVolumeName();
					run.add(new ApplyLine(claimName, "Bound to " + outcome.volume + " after " + seconds(started),
							Status.DONE));
					continue;
				}
				String why = lastEvent(client, namespace, "PersistentVolumeClaim", name);
				if (why != null && why.startsWith("Warning ProvisioningFailed")) {
					// The provisioner said no: waiting longer would not change its
					// answer.
					run.add(new ApplyLine(claimName, "Pending: " + why, Status.FAILED));
					return;
				}
				if (late) {
					run.add(new ApplyLine(claimName, "still Pending after " + seconds(started)
							+ ((why != null) ? ": " + why : ": no provisioner has answered (is Portworx Online?)"),
							Status.FAILED));
					return;
				}
				run.add(new ApplyLine(claimName,
						"Pending" + ((why != null) ? ": " + why : "") + " (" + seconds(started) + ")", Status.WAITING));
				Thread.sleep(POLL.toMillis());
				continue;
			}
			Pod pod = client.pods().inNamespace(namespace).withName(name).get();
			String phase = (pod != null && pod.getStatus() != null) ? pod.getStatus().getPhase() : "Pending";
			if ("Succeeded".equals(phase)) {
				run.add(new ApplyLine(podName,
						"Succeeded after " + seconds(started) + ": the data written on the volume was read back",
						Status.DONE));
				outcome.passed = true;
				return;
			}
			if ("Failed".equals(phase)) {
				run.add(new ApplyLine(podName, "Failed: " + terminated(pod), Status.FAILED));
				return;
			}
			String why = waiting(pod);
			if (why == null) {
				why = lastEvent(client, namespace, "Pod", name);
			}
			if (late) {
				run.add(new ApplyLine(podName,
						"still " + phase + " after " + seconds(started) + ((why != null) ? ": " + why : ""),
						Status.FAILED));
				return;
			}
			run.add(new ApplyLine(podName, phase + ((why != null) ? ": " + why : "") + " (" + seconds(started) + ")",
					Status.WAITING));
			Thread.sleep(POLL.toMillis());
		}
	}

	/** How a verification went, filled in as it goes. */
	private static final class Outcome {

		private String volume;

		private boolean passed;

	}

	/**
	 * The pod, the claim and (when its class retains volumes) the volume go, whatever
	 * happened; an interrupt is held back until every delete was sent.
	 */
	private static void cleanUp(ApplyRun run, KubernetesClient client, String namespace, String name, String volume) {
		boolean interrupted = Thread.interrupted();
		try {
			deleteQuietly(run, "pod/" + name, () -> client.pods().inNamespace(namespace).withName(name).delete());
			deleteQuietly(run, "persistentvolumeclaim/" + name,
					() -> client.persistentVolumeClaims().inNamespace(namespace).withName(name).delete());
			if (volume != null) {
				PersistentVolume retained = client.persistentVolumes().withName(volume).get();
				if (retained != null && "Retain".equals(retained.getSpec().getPersistentVolumeReclaimPolicy())) {
					deleteQuietly(run, "persistentvolume/" + volume,
							() -> client.persistentVolumes().withName(volume).delete());
				}
			}
		}
		catch (RuntimeException ex) {
			run.add(new ApplyLine(name, "clean-up incomplete: " + ApplyFailure.describe(ex) + " (kubectl delete -l "
					+ TASK_LABEL + "=" + TASK + " -A)", Status.FAILED));
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void deleteQuietly(ApplyRun run, String object, Supplier<List<?>> delete) {
		try {
			if (!delete.get().isEmpty()) {
				run.add(new ApplyLine(object, "deleted (clean-up)", Status.DONE));
			}
		}
		catch (RuntimeException ex) {
			run.add(new ApplyLine(object, "could not be deleted: " + ApplyFailure.describe(ex) + " (kubectl delete -l "
					+ TASK_LABEL + "=" + TASK + " -A)", Status.FAILED));
		}
	}

	private PersistentVolumeClaim claim(String namespace, String name, String storageClass) {
		return new PersistentVolumeClaimBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.addToLabels(TASK_LABEL, TASK)
			.endMetadata()
			.withNewSpec()
			.withStorageClassName(storageClass)
			.withAccessModes("ReadWriteOnce")
			.withNewResources()
			.addToRequests("storage", new Quantity(properties.size()))
			.endResources()
			.endSpec()
			.build();
	}

	/** Writes a token, syncs, reads it back: exit 0 only when the volume kept it. */
	static Pod pod(String namespace, String name, String image, String token) {
		String script = "set -e; echo " + token + " > /data/px-wizard-verify; sync; "
				+ "test \"$(cat /data/px-wizard-verify)\" = " + token + "; rm /data/px-wizard-verify";
		return new PodBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.addToLabels(TASK_LABEL, TASK)
			.endMetadata()
			.withNewSpec()
			.withRestartPolicy("Never")
			.addNewContainer()
			.withName("verify")
			.withImage(image)
			.withCommand("sh", "-c", script)
			.addNewVolumeMount()
			.withName("data")
			.withMountPath("/data")
			.endVolumeMount()
			.endContainer()
			.addNewVolume()
			.withName("data")
			.withNewPersistentVolumeClaim()
			.withClaimName(name)
			.endPersistentVolumeClaim()
			.endVolume()
			.endSpec()
			.build();
	}

	/** The newest event about an object: "Warning ProvisioningFailed: …". */
	private static String lastEvent(KubernetesClient client, String namespace, String kind, String name) {
		return client.v1()
			.events()
			.inNamespace(namespace)
			.list()
			.getItems()
			.stream()
			.filter((e) -> e.getInvolvedObject() != null && kind.equals(e.getInvolvedObject().getKind())
					&& name.equals(e.getInvolvedObject().getName()))
			.max(Comparator.comparing(StorageVerifier::eventTime))
			.map((e) -> e.getType() + " " + e.getReason() + ": " + e.getMessage())
			.orElse(null);
	}

	private static String eventTime(Event event) {
		if (event.getLastTimestamp() != null) {
			return event.getLastTimestamp();
		}
		if (event.getEventTime() != null && event.getEventTime().getTime() != null) {
			return event.getEventTime().getTime();
		}
		return String.valueOf(event.getMetadata().getCreationTimestamp());
	}

	private static String waiting(Pod pod) {
		if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
			return null;
		}
		return pod.getStatus()
			.getContainerStatuses()
			.stream()
			.map(ContainerStatus::getState)
			.filter((state) -> state != null && state.getWaiting() != null && state.getWaiting().getReason() != null)
			.map((state) -> state.getWaiting().getReason()
					+ ((state.getWaiting().getMessage() != null) ? " (" + state.getWaiting().getMessage() + ")" : ""))
			.findFirst()
			.orElse(null);
	}

	private static String terminated(Pod pod) {
		if (pod.getStatus().getContainerStatuses() == null) {
			return "no container ran";
		}
		return pod.getStatus()
			.getContainerStatuses()
			.stream()
			.map(ContainerStatus::getState)
			.filter((state) -> state != null && state.getTerminated() != null)
			.map((state) -> {
				ContainerStateTerminated end = state.getTerminated();
				return "exit code " + end.getExitCode() + ((end.getReason() != null) ? ", " + end.getReason() : "")
						+ ((end.getMessage() != null) ? ": " + end.getMessage() : "")
						+ " (the data read back was not the data written, or the volume could not be written)";
			})
			.findFirst()
			.orElse("no container ran");
	}

	private static String seconds(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s";
	}

}
