package io.pxwizard.apply;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.apply.ApplyLine.Status;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.cluster.PortworxStorageClasses;

/**
 * The last step of an apply: once the StorageCluster is Online, the spec's StorageClasses
 * with server-side apply. Making one the default first takes the default mark off the
 * others, as Kubernetes' docs do it. A class that exists with other parameters is not
 * touched: Kubernetes forbids changing them, so the line says how to re-create it.
 */
final class StorageClassApplier {

	private static final long POLL_MILLIS = 500;

	private final ClusterProperties properties;

	StorageClassApplier(ClusterProperties properties) {
		this.properties = properties;
	}

	/** Adds a line per class; false when one failed (its line says why). */
	boolean apply(ApplyRun run, KubernetesClient client, ApplyPlan plan) {
		List<HasMetadata> classes = plan.storageClassObjects();
		if (classes.isEmpty()) {
			return true;
		}
		if (!run.dryRun() && !waitUntilOnline(run, client, plan)) {
			return false;
		}
		Optional<String> defaultClass = classes.stream()
			.filter((c) -> "true".equals(annotation(c, PortworxApi.DEFAULT_CLASS_ANNOTATION)))
			.map((c) -> c.getMetadata().getName())
			.findFirst();
		try {
			// Every class is checked before anything is written, and the default mark
			// moves
			// last: a refused class never leaves the cluster without a default.
			for (HasMetadata storageClass : classes) {
				if (!unchangedOrNew(run, client, (StorageClass) storageClass)) {
					return false;
				}
			}
			for (HasMetadata storageClass : classes) {
				apply(run, client, (StorageClass) storageClass);
			}
			if (defaultClass.isPresent()) {
				takeDefaultMarkOff(run, client, defaultClass.get());
			}
			return true;
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine("storageclasses.storage.k8s.io", ApplyFailure.describe(ex), Status.FAILED));
			return false;
		}
	}

	private boolean waitUntilOnline(ApplyRun run, KubernetesClient client, ApplyPlan plan) {
		Optional<HasMetadata> planned = plan.clusterObjects()
			.stream()
			.filter((o) -> "StorageCluster".equals(o.getKind()))
			.findFirst();
		if (planned.isEmpty()) {
			return true;
		}
		String name = planned.get().getMetadata().getName();
		String kubectlName = "storagecluster.core.libopenstorage.org/" + name;
		run.add(new ApplyLine(kubectlName, "waiting for phase Online before the StorageClasses (up to "
				+ properties.onlineTimeout().toMinutes() + "m)", Status.WAITING));
		long deadline = System.nanoTime() + properties.onlineTimeout().toNanos();
		String phase = null;
		try {
			while (true) {
				GenericKubernetesResource cluster = client
					.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
					.inNamespace(plan.namespace())
					.withName(name)
					.get();
				phase = (cluster != null) ? cluster.get("status", "phase") : null;
				if ("Online".equals(phase) || "Running".equals(phase)) {
					run.add(new ApplyLine(kubectlName, "condition met: phase " + phase, Status.DONE));
					return true;
				}
				if (System.nanoTime() - deadline >= 0) {
					run.add(new ApplyLine(kubectlName, "timed out waiting for phase Online (phase "
							+ ((phase != null) ? phase : "none yet")
							+ "); the StorageClasses were not applied: apply again once it is Online (the status page shows it)",
							Status.FAILED));
					return false;
				}
				Thread.sleep(POLL_MILLIS);
			}
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(kubectlName, ApplyFailure.describe(ex), Status.FAILED));
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.add(new ApplyLine(kubectlName, "interrupted while waiting for phase Online", Status.FAILED));
			return false;
		}
	}

	/**
	 * {@code kubectl patch storageclass <other> -p
	 * '{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"false"}}}'}
	 * for every other class marked default.
	 */
	private static void takeDefaultMarkOff(ApplyRun run, KubernetesClient client, String defaultClass) {
		for (StorageClass other : client.storage().v1().storageClasses().list().getItems()) {
			if (!other.getMetadata().getName().equals(defaultClass) && isDefault(other)) {
				String name = "storageclass.storage.k8s.io/" + other.getMetadata().getName();
				if (run.dryRun()) {
					run.add(new ApplyLine(name,
							"would no longer be the default StorageClass: " + defaultClass + " would be", Status.INFO));
					continue;
				}
				client.storage().v1().storageClasses().withName(other.getMetadata().getName()).edit((sc) -> {
					sc.getMetadata().getAnnotations().put(PortworxApi.DEFAULT_CLASS_ANNOTATION, "false");
					sc.getMetadata().getAnnotations().remove(PortworxApi.BETA_DEFAULT_CLASS_ANNOTATION);
					return sc;
				});
				run.add(new ApplyLine(name, "patched (" + PortworxApi.DEFAULT_CLASS_ANNOTATION + ": false): "
						+ defaultClass + " is the default StorageClass now", Status.DONE));
			}
		}
	}

	/**
	 * False, with a line that says how to re-create it, when Kubernetes would refuse it.
	 */
	private static boolean unchangedOrNew(ApplyRun run, KubernetesClient client, StorageClass storageClass) {
		StorageClass existing = existing(client, storageClass);
		if (existing != null && !sameImmutableFields(existing, storageClass)) {
			run.add(new ApplyLine(KubectlNames.of(storageClass),
					"exists with other parameters (" + describe(existing)
							+ "), which Kubernetes does not let change: kubectl delete storageclass "
							+ storageClass.getMetadata().getName()
							+ ", then apply again (bound volumes keep their data; new claims get the new parameters)",
					Status.FAILED));
			return false;
		}
		return true;
	}

	private static void apply(ApplyRun run, KubernetesClient client, StorageClass storageClass) {
		String name = KubectlNames.of(storageClass);
		var resource = client.storage().v1().storageClasses().resource(storageClass);
		if (run.dryRun()) {
			boolean exists = existing(client, storageClass) != null;
			resource.dryRun().fieldManager(Installer.FIELD_MANAGER).forceConflicts().serverSideApply();
			run.add(new ApplyLine(name,
					"serverside-applied (server dry run): " + (exists ? "unchanged parameters" : "would be created"),
					Status.INFO));
			return;
		}
		resource.fieldManager(Installer.FIELD_MANAGER).forceConflicts().serverSideApply();
		run.add(new ApplyLine(name, "serverside-applied", Status.DONE));
	}

	private static StorageClass existing(KubernetesClient client, StorageClass storageClass) {
		return client.storage().v1().storageClasses().withName(storageClass.getMetadata().getName()).get();
	}

	/** provisioner, parameters, reclaimPolicy, volumeBindingMode: fixed at creation. */
	private static boolean sameImmutableFields(StorageClass existing, StorageClass wanted) {
		return Objects.equals(existing.getProvisioner(), wanted.getProvisioner())
				&& Objects.equals(orEmpty(existing.getParameters()), orEmpty(wanted.getParameters()))
				&& Objects.equals(orDefault(existing.getReclaimPolicy(), "Delete"),
						orDefault(wanted.getReclaimPolicy(), "Delete"))
				&& Objects.equals(orDefault(existing.getVolumeBindingMode(), "Immediate"),
						orDefault(wanted.getVolumeBindingMode(), "Immediate"));
	}

	private static String describe(StorageClass existing) {
		return "provisioner " + existing.getProvisioner() + ", parameters " + orEmpty(existing.getParameters());
	}

	private static Map<String, String> orEmpty(Map<String, String> map) {
		return (map != null) ? map : Map.of();
	}

	private static String orDefault(String value, String otherwise) {
		return (value != null) ? value : otherwise;
	}

	static boolean isDefault(StorageClass storageClass) {
		return PortworxStorageClasses.isDefault(storageClass);
	}

	private static String annotation(HasMetadata object, String name) {
		Map<String, String> annotations = object.getMetadata().getAnnotations();
		return (annotations != null) ? annotations.get(name) : null;
	}

}
