package io.pxwizard.simulation;

import java.util.Map;

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

	/** One tick of the provisioner (and of the demo team, once). */
	void tick(boolean workload) {
		if (workload && !workloadCreated) {
			workloadCreated = true;
			createDatabase(client, "default", "mongo-0", "px-mongo");
		}
		for (PersistentVolumeClaim claim : client.persistentVolumeClaims().inAnyNamespace().list().getItems()) {
			boolean pending = claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase());
			if (pending && isPortworx(claim.getSpec().getStorageClassName())) {
				bind(claim);
			}
		}
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

	private boolean isPortworx(String storageClassName) {
		if (storageClassName == null) {
			return false;
		}
		StorageClass storageClass = client.storage().v1().storageClasses().withName(storageClassName).get();
		return storageClass != null && CSI_DRIVER.equals(storageClass.getProvisioner());
	}

	private void bind(PersistentVolumeClaim claim) {
		String volumeName = "pvc-" + claim.getMetadata().getUid();
		if (client.persistentVolumes().withName(volumeName).get() == null) {
			PersistentVolume volume = new PersistentVolumeBuilder().withNewMetadata()
				.withName(volumeName)
				.addToAnnotations("pv.kubernetes.io/provisioned-by", CSI_DRIVER)
				.endMetadata()
				.withNewSpec()
				.withStorageClassName(claim.getSpec().getStorageClassName())
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
