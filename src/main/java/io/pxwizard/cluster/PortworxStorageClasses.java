package io.pxwizard.cluster;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.catalog.PortworxApi;

/**
 * The StorageClasses that use Portworx and how their claims are doing, as
 * {@code kubectl get storageclass} and {@code kubectl get pvc -A} would show them.
 */
public final class PortworxStorageClasses {

	private PortworxStorageClasses() {
	}

	/** Every Portworx StorageClass, by name, with its claims counted by phase. */
	public static List<Row> find(KubernetesClient client) {
		List<StorageClass> classes = client.storage()
			.v1()
			.storageClasses()
			.list()
			.getItems()
			.stream()
			.filter((storageClass) -> PortworxVolumes.PROVISIONERS.contains(storageClass.getProvisioner()))
			.toList();
		if (classes.isEmpty()) {
			return List.of();
		}
		List<PersistentVolumeClaim> claims = client.persistentVolumeClaims().inAnyNamespace().list().getItems();
		return classes.stream().map((storageClass) -> {
			String name = storageClass.getMetadata().getName();
			List<PersistentVolumeClaim> own = claims.stream()
				.filter((claim) -> claim.getSpec() != null && name.equals(claim.getSpec().getStorageClassName()))
				.toList();
			long bound = own.stream()
				.filter((claim) -> claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase()))
				.count();
			Map<String, String> parameters = (storageClass.getParameters() != null) ? storageClass.getParameters()
					: Map.of();
			return new Row(name, storageClass.getProvisioner(), parameters.getOrDefault("repl", "1"),
					isDefault(storageClass), bound, own.size() - bound);
		}).sorted(java.util.Comparator.comparing(Row::name)).toList();
	}

	/**
	 * Whether a class is the cluster's default, in either annotation Kubernetes reads.
	 */
	public static boolean isDefault(StorageClass storageClass) {
		Map<String, String> annotations = storageClass.getMetadata().getAnnotations();
		return annotations != null && ("true".equals(annotations.get(PortworxApi.DEFAULT_CLASS_ANNOTATION))
				|| "true".equals(annotations.get(PortworxApi.BETA_DEFAULT_CLASS_ANNOTATION)));
	}

	/**
	 * One StorageClass.
	 *
	 * @param name its name
	 * @param provisioner Portworx's CSI driver or the in-tree plugin
	 * @param replication its {@code repl}
	 * @param isDefault whether it is the cluster's default
	 * @param bound its claims Bound
	 * @param pending its claims not Bound yet
	 */
	public record Row(String name, String provisioner, String replication, boolean isDefault, long bound,
			long pending) {
	}

}
