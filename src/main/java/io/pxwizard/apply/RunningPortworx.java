package io.pxwizard.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.model.PortworxVersion;

/**
 * The Portworx a cluster runs, as its objects say: the StorageCluster (the release is its
 * {@code spec.image} tag, or the operator's {@code status.version} when the image has
 * none) and the operator's image. Apply reads it to refuse what would break that install.
 *
 * @param name the StorageCluster's name
 * @param namespace the StorageCluster's namespace
 * @param version the release it runs, {@code null} when neither field tells
 * @param operatorImage the operator Deployment's image, {@code null} when none was found
 */
record RunningPortworx(String name, String namespace, PortworxVersion version, String operatorImage) {

	/** The StorageCluster on the cluster, if any (there is one per cluster). */
	static Optional<RunningPortworx> find(KubernetesClient client) {
		List<GenericKubernetesResource> clusters;
		try {
			clusters = client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
				.inAnyNamespace()
				.list()
				.getItems();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 404) {
				// The type is not registered: no Portworx operator has run here.
				return Optional.empty();
			}
			throw ex;
		}
		if (clusters.isEmpty()) {
			return Optional.empty();
		}
		GenericKubernetesResource cluster = clusters.get(0);
		String namespace = cluster.getMetadata().getNamespace();
		return Optional.of(new RunningPortworx(cluster.getMetadata().getName(), namespace,
				version(cluster).orElse(null), operatorImage(client, namespace)));
	}

	/** The release a plan installs: its StorageCluster's image tag. */
	static Optional<PortworxVersion> target(KubernetesClient client, ApplyPlan plan) {
		return plan.clusterObjects()
			.stream()
			.filter(RunningPortworx::isStorageCluster)
			.findFirst()
			.map((object) -> client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class))
			.flatMap(RunningPortworx::version);
	}

	/**
	 * {@code storagecluster.core.libopenstorage.org/px-cluster-…}, as kubectl prints it.
	 */
	String kubectlName() {
		return PortworxApi.STORAGE_CLUSTER.toLowerCase(java.util.Locale.ROOT) + "."
				+ PortworxApi.API_VERSION.substring(0, PortworxApi.API_VERSION.indexOf('/')) + "/" + name;
	}

	/** "Portworx 2.8.1.5, operator 1.5.2", as the preflight and the apply say it. */
	String describe() {
		String portworx = "Portworx " + ((version != null) ? version : "(release unknown)");
		return (operatorImage != null) ? portworx + ", operator " + tag(operatorImage) : portworx;
	}

	/**
	 * Why applying the plan over this install is refused, or empty when it may go on:
	 * Portworx does not downgrade, and a second StorageCluster in another namespace would
	 * take the same disks.
	 */
	Optional<String> refusal(KubernetesClient client, ApplyPlan plan) {
		Optional<HasMetadata> planned = plan.clusterObjects()
			.stream()
			.filter(RunningPortworx::isStorageCluster)
			.findFirst();
		if (planned.isPresent() && !planned.get().getMetadata().getNamespace().equals(namespace)) {
			return Optional.of(describe() + " runs in " + namespace + "; this spec installs into "
					+ planned.get().getMetadata().getNamespace()
					+ ": a second StorageCluster would take the same disks (uninstall the running one first, or keep its namespace)");
		}
		Optional<PortworxVersion> target = target(client, plan);
		if (version != null && target.isPresent() && target.get().isOlderThan(version)) {
			return Optional.of(describe() + " runs here: Portworx cannot be downgraded to " + target.get()
					+ " (pick a release at " + version + " or newer)");
		}
		return Optional.empty();
	}

	private static Optional<PortworxVersion> version(GenericKubernetesResource cluster) {
		Optional<PortworxVersion> fromImage = PortworxVersion.ofImage(field(cluster, "spec", "image"));
		return fromImage.isPresent() ? fromImage
				: Optional.ofNullable(field(cluster, "status", "version")).flatMap(PortworxVersion::parse);
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

	private static boolean isStorageCluster(HasMetadata object) {
		return PortworxApi.STORAGE_CLUSTER.equals(object.getKind())
				&& PortworxApi.API_VERSION.equals(object.getApiVersion());
	}

}
