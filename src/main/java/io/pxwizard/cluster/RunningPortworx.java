package io.pxwizard.cluster;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.model.PortworxVersion;

/**
 * The Portworx a cluster runs, as its objects say: the StorageCluster (the release is its
 * {@code spec.image} tag, or the operator's {@code status.version} when the image has
 * none) and the operator's image. The status page shows it; Apply refuses what would
 * break it.
 *
 * @param name the StorageCluster's name
 * @param namespace the StorageCluster's namespace
 * @param version the release it runs, {@code null} when neither field tells
 * @param operatorImage the operator Deployment's image, {@code null} when none was found
 * @param deletingSince when the StorageCluster was deleted (the operator is removing
 * Portworx and holds it by its finalizer), {@code null} while it is not being deleted
 * @param deleteStrategy its {@code spec.deleteStrategy.type}, {@code null} when unset
 */
public record RunningPortworx(String name, String namespace, PortworxVersion version, String operatorImage,
		String deletingSince, String deleteStrategy) {

	/** The StorageCluster on the cluster, if any (there is one per cluster). */
	public static Optional<RunningPortworx> find(KubernetesClient client) {
		return storageClusters(client).filter((clusters) -> !clusters.isEmpty())
			.map((clusters) -> of(client, clusters.get(0)));
	}

	/**
	 * The StorageClusters in every namespace; empty when the type is not registered (no
	 * Portworx operator has run here).
	 */
	public static Optional<List<GenericKubernetesResource>> storageClusters(KubernetesClient client) {
		try {
			return Optional.of(client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
				.inAnyNamespace()
				.list()
				.getItems());
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** What a StorageCluster already read says runs, with its namespace's operator. */
	public static RunningPortworx of(KubernetesClient client, GenericKubernetesResource cluster) {
		String namespace = cluster.getMetadata().getNamespace();
		return new RunningPortworx(cluster.getMetadata().getName(), namespace, version(cluster).orElse(null),
				operatorImage(client, namespace), cluster.getMetadata().getDeletionTimestamp(),
				deleteStrategy(cluster));
	}

	/**
	 * The release a StorageCluster names: its image's tag, else the operator's
	 * {@code status.version}.
	 */
	public static Optional<PortworxVersion> version(GenericKubernetesResource cluster) {
		Optional<PortworxVersion> fromImage = PortworxVersion.ofImage(field(cluster, "spec", "image"));
		return fromImage.isPresent() ? fromImage
				: Optional.ofNullable(field(cluster, "status", "version")).flatMap(PortworxVersion::parse);
	}

	/** The StorageCluster's {@code spec.deleteStrategy.type}, {@code null} when unset. */
	public static String deleteStrategy(GenericKubernetesResource cluster) {
		if (cluster.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
				&& spec.get("deleteStrategy") instanceof Map<?, ?> strategy
				&& strategy.get("type") instanceof String type) {
			return type;
		}
		return null;
	}

	/**
	 * When the StorageCluster was deleted, {@code null} while it is not being deleted.
	 */
	public Instant deletedAt() {
		try {
			return (deletingSince != null) ? Instant.parse(deletingSince) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Whether the StorageCluster is being deleted: an uninstall is under way. */
	public boolean isBeingDeleted() {
		return deletingSince != null;
	}

	/**
	 * {@code storagecluster.core.libopenstorage.org/px-cluster-…}, as kubectl prints it.
	 */
	public String kubectlName() {
		return PortworxApi.STORAGE_CLUSTER.toLowerCase(Locale.ROOT) + "." + PortworxApi.GROUP + "/" + name;
	}

	/** "Portworx 2.8.1.5, operator 1.5.2", as the pages and the apply say it. */
	public String describe() {
		String portworx = "Portworx " + ((version != null) ? version : "(release unknown)");
		return (operatorImage != null) ? portworx + ", operator " + tag(operatorImage) : portworx;
	}

	private static String field(GenericKubernetesResource cluster, String section, String name) {
		if (cluster.getAdditionalProperties().get(section) instanceof Map<?, ?> map
				&& map.get(name) instanceof String value) {
			return value;
		}
		return null;
	}

	private static String operatorImage(KubernetesClient client, String namespace) {
		Deployment operator = client.apps().deployments().inNamespace(namespace).withName(PortworxApi.OPERATOR).get();
		if (operator == null || operator.getSpec() == null || operator.getSpec().getTemplate().getSpec() == null
				|| operator.getSpec().getTemplate().getSpec().getContainers().isEmpty()) {
			return null;
		}
		return operator.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
	}

	private static String tag(String image) {
		int colon = image.lastIndexOf(':');
		return (colon >= 0 && image.indexOf('/', colon) < 0) ? image.substring(colon + 1) : image;
	}

}
