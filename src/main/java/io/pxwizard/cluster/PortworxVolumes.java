package io.pxwizard.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.catalog.PortworxApi;

/**
 * The volumes Portworx provides on a cluster and what uses them: every PersistentVolume
 * of Portworx's CSI driver ({@code pxd.portworx.com}) or of the in-tree plugin
 * ({@code kubernetes.io/portworx-volume}), the claims bound to them or waiting for a
 * Portworx StorageClass, and the pods that mount those claims. Uninstalling Portworx
 * makes every one of them unusable.
 *
 * @param volumes the PersistentVolumes, by name
 * @param claims the PersistentVolumeClaims, as {@code namespace/name}
 * @param pods the pods that mount one of the claims, as {@code namespace/name}
 */
public record PortworxVolumes(List<String> volumes, List<String> claims, List<String> pods) {

	static final Set<String> PROVISIONERS = Set.of(PortworxApi.CSI_PROVISIONER, PortworxApi.IN_TREE_PROVISIONER);

	/** The annotations Kubernetes writes with the provisioner of a volume or a claim. */
	private static final List<String> PROVISIONER_ANNOTATIONS = List.of("pv.kubernetes.io/provisioned-by",
			"volume.kubernetes.io/storage-provisioner", "volume.beta.kubernetes.io/storage-provisioner");

	public PortworxVolumes {
		volumes = List.copyOf(volumes);
		claims = List.copyOf(claims);
		pods = List.copyOf(pods);
	}

	/** Reads them from the cluster (all namespaces). */
	public static PortworxVolumes find(KubernetesClient client) {
		Set<String> volumes = new TreeSet<>();
		Set<String> claims = new TreeSet<>();
		for (PersistentVolume volume : client.persistentVolumes().list().getItems()) {
			if (isPortworx(volume)) {
				volumes.add(volume.getMetadata().getName());
				ObjectReference claim = volume.getSpec().getClaimRef();
				if (claim != null && claim.getName() != null) {
					claims.add(((claim.getNamespace() != null) ? claim.getNamespace() : "default") + "/"
							+ claim.getName());
				}
			}
		}
		Set<String> portworxClasses = new TreeSet<>();
		for (StorageClass storageClass : client.storage().v1().storageClasses().list().getItems()) {
			if (PROVISIONERS.contains(storageClass.getProvisioner())) {
				portworxClasses.add(storageClass.getMetadata().getName());
			}
		}
		for (PersistentVolumeClaim claim : client.persistentVolumeClaims().inAnyNamespace().list().getItems()) {
			// A claim still Pending has no volume yet, only its class or the
			// provisioner's annotation.
			if (claim.getSpec() != null && portworxClasses.contains(claim.getSpec().getStorageClassName())
					|| hasPortworxAnnotation(claim.getMetadata().getAnnotations())) {
				claims.add(claim.getMetadata().getNamespace() + "/" + claim.getMetadata().getName());
			}
		}
		List<String> pods = new ArrayList<>();
		if (!claims.isEmpty()) {
			for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
				boolean ended = pod.getStatus() != null && ("Succeeded".equals(pod.getStatus().getPhase())
						|| "Failed".equals(pod.getStatus().getPhase()));
				if (!ended && mountsOneOf(pod, claims)) {
					pods.add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
				}
			}
		}
		return new PortworxVolumes(List.copyOf(volumes), List.copyOf(claims), pods);
	}

	public boolean isEmpty() {
		return volumes.isEmpty() && claims.isEmpty();
	}

	/** "2 PersistentVolumeClaims (default/mongo-data-0, …), 1 pod (default/mongo-0)". */
	public String summary() {
		return count(claims, "PersistentVolumeClaim") + ", " + count(volumes, "PersistentVolume") + ", "
				+ count(pods, "pod");
	}

	private static String count(List<String> names, String kind) {
		String counted = names.size() + " " + kind + ((names.size() == 1) ? "" : "s");
		if (names.isEmpty()) {
			return counted;
		}
		List<String> shown = names.subList(0, Math.min(names.size(), 5));
		return counted + " (" + String.join(", ", shown) + ((names.size() > shown.size()) ? ", …" : "") + ")";
	}

	private static boolean isPortworx(PersistentVolume volume) {
		if (volume.getSpec() == null) {
			return false;
		}
		if (volume.getSpec().getCsi() != null
				&& PortworxApi.CSI_PROVISIONER.equals(volume.getSpec().getCsi().getDriver())) {
			return true;
		}
		return volume.getSpec().getPortworxVolume() != null
				|| hasPortworxAnnotation(volume.getMetadata().getAnnotations());
	}

	private static boolean hasPortworxAnnotation(Map<String, String> annotations) {
		return annotations != null && PROVISIONER_ANNOTATIONS.stream()
			.map(annotations::get)
			.anyMatch((provisioner) -> provisioner != null && PROVISIONERS.contains(provisioner));
	}

	private static boolean mountsOneOf(Pod pod, Set<String> claims) {
		if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
			return false;
		}
		String namespace = pod.getMetadata().getNamespace();
		for (Volume volume : pod.getSpec().getVolumes()) {
			if (volume.getPersistentVolumeClaim() != null
					&& claims.contains(namespace + "/" + volume.getPersistentVolumeClaim().getClaimName())) {
				return true;
			}
		}
		return false;
	}

}
