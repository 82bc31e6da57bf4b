package io.pxwizard.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Portworx's CSI provisioner and the external-provisioner sidecar, while the cluster is
 * Online: a claim of a StorageClass whose provisioner is {@code pxd.portworx.com} gets a
 * PersistentVolume {@code pvc-<claim uid>} of that CSI driver and is Bound to it. Also a
 * team's database to find on the cluster, for demos.
 */
public final class SimulatedVolumes {

	public static final String CSI_DRIVER = "pxd.portworx.com";

	private final KubernetesClient client;

	private volatile boolean workloadCreated;

	SimulatedVolumes(KubernetesClient client) {
		this.client = client;
	}

	/**
	 * One tick of the provisioner, the scheduler and kubelet for client pods (and of the
	 * demo team, once Online). Claims of a Portworx class wait while Portworx is not
	 * Online, as the external-provisioner says; a replication factor above the Online
	 * StorageNodes fails as Portworx's provisioner does.
	 */
	void tick(boolean online, boolean workload) {
		if (online && workload && !workloadCreated) {
			workloadCreated = true;
			createDatabase(client, "default", "mongo-0", "px-mongo");
		}
		List<PersistentVolumeClaim> claims = client.persistentVolumeClaims().inAnyNamespace().list().getItems();
		for (PersistentVolumeClaim claim : claims) {
			boolean pending = claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase());
			StorageClass storageClass = portworxClass(claim.getSpec().getStorageClassName());
			if (!pending || storageClass == null) {
				continue;
			}
			int nodes = online ? onlineStorageNodes() : 0;
			int replication = Integer.parseInt((storageClass.getParameters() != null)
					? storageClass.getParameters().getOrDefault("repl", "1") : "1");
			if (!online) {
				event(claim, "Normal", "ExternalProvisioning",
						"Waiting for a volume to be created either by the external provisioner 'pxd.portworx.com' "
								+ "or manually by the system administrator. If volume creation is delayed, please "
								+ "verify that the provisioner is running and correctly registered.");
			}
			else if (replication > nodes) {
				event(claim, "Warning", "ProvisioningFailed",
						"failed to provision volume with StorageClass \"" + storageClass.getMetadata().getName()
								+ "\": rpc error: code = Internal desc = Failed to "
								+ "create volume: could not find enough nodes to provision volume: " + nodes
								+ " out of " + replication + " pools are able to provision volume");
			}
			else {
				bind(claim, storageClass);
			}
		}
		runClientPods(claims);
	}

	/**
	 * Pods that mount a claim and run to completion (restartPolicy Never, as Verify
	 * storage makes them): Running once their claim is Bound, then Succeeded.
	 */
	private void runClientPods(List<PersistentVolumeClaim> claims) {
		for (Pod pod : client.pods()
			.inAnyNamespace()
			.withLabel("px-wizard.io/task", "verify-storage")
			.list()
			.getItems()) {
			String phase = (pod.getStatus() != null) ? pod.getStatus().getPhase() : null;
			String claimName = pod.getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName();
			boolean bound = claims.stream()
				.anyMatch((claim) -> claim.getMetadata().getName().equals(claimName)
						&& claim.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace())
						&& claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase()));
			if (phase == null || "Pending".equals(phase)) {
				if (bound) {
					setPhase(pod, "Running", null);
				}
			}
			else if ("Running".equals(phase)) {
				setPhase(pod, "Succeeded", 0);
			}
		}
	}

	private void setPhase(Pod pod, String phase, Integer exitCode) {
		PodStatusBuilder status = new PodStatusBuilder().withPhase(phase);
		ContainerStatusBuilder container = new ContainerStatusBuilder().withName("verify")
			.withImage(pod.getSpec().getContainers().get(0).getImage())
			.withReady(exitCode == null)
			.withRestartCount(0);
		if (exitCode == null) {
			container.withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState();
		}
		else {
			container.withNewState()
				.withNewTerminated()
				.withExitCode(exitCode)
				.withReason("Completed")
				.endTerminated()
				.endState();
		}
		pod.setStatus(status.withContainerStatuses(container.build()).build());
		client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
	}

	private int onlineStorageNodes() {
		return (int) client.genericKubernetesResources(SimulatedPortworxOperator.STORAGE_NODES)
			.inAnyNamespace()
			.list()
			.getItems()
			.stream()
			.filter((node) -> "Online".equals(node.get("status", "phase")))
			.count();
	}

	/** One event per object and reason, as the controllers' recorders aggregate them. */
	private void event(PersistentVolumeClaim claim, String type, String reason, String message) {
		String name = claim.getMetadata().getName() + "." + reason.toLowerCase(java.util.Locale.ROOT);
		String namespace = claim.getMetadata().getNamespace();
		if (client.v1().events().inNamespace(namespace).withName(name).get() != null) {
			return;
		}
		client.v1()
			.events()
			.inNamespace(namespace)
			.resource(new EventBuilder().withNewMetadata()
				.withName(name)
				.withNamespace(namespace)
				.endMetadata()
				.withType(type)
				.withReason(reason)
				.withMessage(message)
				.withLastTimestamp(Instant.now().toString())
				.withNewInvolvedObject()
				.withKind("PersistentVolumeClaim")
				.withNamespace(namespace)
				.withName(claim.getMetadata().getName())
				.endInvolvedObject()
				.build())
			.create();
	}

	/**
	 * A database as a team would run it: a Portworx StorageClass, a claim of it and a
	 * Running pod that mounts it. Tests call it to give the uninstall guard something to
	 * find.
	 */
	public static void createDatabase(KubernetesClient client, String namespace, String pod, String storageClass) {
		if (client.storage().v1().storageClasses().withName(storageClass).get() == null) {
			client.storage()
				.v1()
				.storageClasses()
				.resource(new StorageClassBuilder().withNewMetadata()
					.withName(storageClass)
					.endMetadata()
					.withProvisioner(CSI_DRIVER)
					.withParameters(Map.of("repl", "3", "io_profile", "db_remote"))
					.build())
				.create();
		}
		String claim = "data-" + pod;
		client.persistentVolumeClaims()
			.inNamespace(namespace)
			.resource(new PersistentVolumeClaimBuilder().withNewMetadata()
				.withName(claim)
				.withNamespace(namespace)
				.endMetadata()
				.withNewSpec()
				.withStorageClassName(storageClass)
				.withAccessModes("ReadWriteOnce")
				.withNewResources()
				.addToRequests("storage", new Quantity("10Gi"))
				.endResources()
				.endSpec()
				.build())
			.create();
		client.pods()
			.inNamespace(namespace)
			.resource(new PodBuilder().withNewMetadata()
				.withName(pod)
				.withNamespace(namespace)
				.addToLabels("app", "mongo")
				.endMetadata()
				.withNewSpec()
				.addNewContainer()
				.withName("mongo")
				.withImage("docker.io/library/mongo:7.0")
				.endContainer()
				.addNewVolume()
				.withName("data")
				.withNewPersistentVolumeClaim()
				.withClaimName(claim)
				.endPersistentVolumeClaim()
				.endVolume()
				.endSpec()
				.withNewStatus()
				.withPhase("Running")
				.endStatus()
				.build())
			.create();
	}

	private StorageClass portworxClass(String storageClassName) {
		if (storageClassName == null) {
			return null;
		}
		StorageClass storageClass = client.storage().v1().storageClasses().withName(storageClassName).get();
		return (storageClass != null && CSI_DRIVER.equals(storageClass.getProvisioner())) ? storageClass : null;
	}

	private void bind(PersistentVolumeClaim claim, StorageClass storageClass) {
		String volumeName = "pvc-" + claim.getMetadata().getUid();
		if (client.persistentVolumes().withName(volumeName).get() == null) {
			PersistentVolume volume = new PersistentVolumeBuilder().withNewMetadata()
				.withName(volumeName)
				.addToAnnotations("pv.kubernetes.io/provisioned-by", CSI_DRIVER)
				.endMetadata()
				.withNewSpec()
				.withStorageClassName(claim.getSpec().getStorageClassName())
				.withPersistentVolumeReclaimPolicy(
						(storageClass.getReclaimPolicy() != null) ? storageClass.getReclaimPolicy() : "Delete")
				.withAccessModes(claim.getSpec().getAccessModes())
				.addToCapacity("storage", claim.getSpec().getResources().getRequests().get("storage"))
				.withNewCsi()
				.withDriver(CSI_DRIVER)
				.withVolumeHandle(claim.getMetadata().getUid())
				.endCsi()
				.withNewClaimRef()
				.withNamespace(claim.getMetadata().getNamespace())
				.withName(claim.getMetadata().getName())
				.withUid(claim.getMetadata().getUid())
				.endClaimRef()
				.endSpec()
				.withNewStatus()
				.withPhase("Bound")
				.endStatus()
				.build();
			client.persistentVolumes().resource(volume).create();
		}
		claim.getSpec().setVolumeName(volumeName);
		PersistentVolumeClaim bound = client.persistentVolumeClaims()
			.inNamespace(claim.getMetadata().getNamespace())
			.resource(claim)
			.update();
		bound.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder().withPhase("Bound")
			.withAccessModes(claim.getSpec().getAccessModes())
			.build());
		client.persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace()).resource(bound).updateStatus();
	}

}
