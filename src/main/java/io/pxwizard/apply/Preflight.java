package io.pxwizard.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.pxwizard.apply.PreflightCheck.Verdict;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.cluster.RunningPortworx;
import io.pxwizard.model.KubernetesVersion;

import org.springframework.stereotype.Component;

/**
 * What to know about a cluster before applying: its version, its nodes, an existing
 * Portworx, its storage classes, and whether these credentials may create what the spec
 * holds.
 */
@Component
public class Preflight {

	/**
	 * Portworx wants at least three storage nodes (its built-in KVDB needs a quorum of
	 * three).
	 */
	static final int MINIMUM_NODES = 3;

	/**
	 * Provisioners of node-local storage that does not scale past one node (the seed
	 * document's point).
	 */
	static final Set<String> LOCAL_PROVISIONERS = Set.of("rancher.io/local-path", "kubernetes.io/no-provisioner",
			"microk8s.io/hostpath", "k8s.io/minikube-hostpath", "docker.io/hostpath", "kubernetes.io/host-path");

	/** The checks, in order; an unreachable cluster gives one failed line. */
	public Result run(KubernetesClient client, ApplyPlan plan) {
		List<PreflightCheck> checks = new ArrayList<>();
		String serverVersion;
		try {
			VersionInfo version = client.getKubernetesVersion();
			serverVersion = (version.getGitVersion() != null) ? version.getGitVersion()
					: "v" + version.getMajor() + "." + version.getMinor();
			checks.add(new PreflightCheck("Kubernetes version", serverVersion, Verdict.PASS));
		}
		catch (KubernetesClientException ex) {
			checks.add(new PreflightCheck("Cluster", ApplyFailure.describe(ex), Verdict.FAIL));
			return new Result(checks, null);
		}
		try {
			checks.add(nodes(client));
			checks.add(existingOperator(client, plan.namespace()));
			checks.add(existingStorageCluster(client, plan));
			checks.add(storageClasses(client));
			if (!plan.storageClassObjects().isEmpty()) {
				checks.add(replication(client, plan));
			}
			checks.addAll(permissions(client, plan));
		}
		catch (KubernetesClientException ex) {
			checks.add(new PreflightCheck("Cluster", ApplyFailure.describe(ex), Verdict.FAIL));
		}
		return new Result(checks, KubernetesVersion.fromGitVersion(serverVersion));
	}

	private static PreflightCheck nodes(KubernetesClient client) {
		List<Node> nodes = client.nodes().list().getItems();
		long ready = nodes.stream().filter(Preflight::isReady).count();
		String result = ready + " of " + nodes.size() + " nodes Ready";
		if (ready == 0) {
			return new PreflightCheck("Nodes", result, Verdict.FAIL);
		}
		if (ready < MINIMUM_NODES) {
			return new PreflightCheck("Nodes", result + "; Portworx wants at least " + MINIMUM_NODES + " storage nodes",
					Verdict.WARN);
		}
		return new PreflightCheck("Nodes", result, Verdict.PASS);
	}

	/**
	 * Portworx puts each replica of a volume on another node: a StorageClass asking for
	 * more replicas than there are nodes never gets a volume.
	 */
	private static PreflightCheck replication(KubernetesClient client, ApplyPlan plan) {
		long ready = client.nodes().list().getItems().stream().filter(Preflight::isReady).count();
		String title = "Replication";
		for (HasMetadata storageClass : plan.storageClassObjects()) {
			int replication = Integer.parseInt(((StorageClass) storageClass).getParameters().get("repl"));
			if (replication > ready) {
				return new PreflightCheck(title,
						storageClass.getMetadata().getName() + " asks for " + replication + " replicas but only "
								+ ready + ((ready == 1) ? " node is" : " nodes are")
								+ " Ready: Portworx keeps each replica on another "
								+ "node, so its claims would stay Pending (lower its replication)",
						Verdict.FAIL);
			}
		}
		return new PreflightCheck(title, "each StorageClass's replicas fit on the " + ready
				+ " Ready nodes (the disk scan shows which of them have storage)", Verdict.PASS);
	}

	private static boolean isReady(Node node) {
		return node.getStatus() != null && node.getStatus().getConditions() != null
				&& node.getStatus()
					.getConditions()
					.stream()
					.anyMatch((c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
	}

	private static PreflightCheck existingOperator(KubernetesClient client, String namespace) {
		var operator = client.apps().deployments().inNamespace(namespace).withName(PortworxApi.OPERATOR).get();
		if (operator == null) {
			return new PreflightCheck("Portworx operator", "not installed in " + namespace, Verdict.PASS);
		}
		String image = operator.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
		return new PreflightCheck("Portworx operator",
				"already installed in " + namespace + " (" + image + "); Apply updates it", Verdict.WARN);
	}

	private static PreflightCheck existingStorageCluster(KubernetesClient client, ApplyPlan plan) {
		Optional<List<GenericKubernetesResource>> listed = RunningPortworx.storageClusters(client);
		if (listed.isEmpty()) {
			return new PreflightCheck("StorageCluster", "none (the type is not registered yet)", Verdict.PASS);
		}
		List<GenericKubernetesResource> clusters = listed.get();
		if (clusters.isEmpty()) {
			return new PreflightCheck("StorageCluster", "none", Verdict.PASS);
		}
		List<String> found = clusters.stream()
			.map((c) -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName() + " (" + phase(c) + ")")
			.toList();
		String existing = "already exists: " + String.join(", ", found);
		RunningPortworx running = RunningPortworx.of(client, clusters.get(0));
		Optional<String> refusal = ReleaseGuard.refusal(running, client, plan);
		if (refusal.isPresent()) {
			return new PreflightCheck("StorageCluster", existing + "; Apply refuses: " + refusal.get(), Verdict.FAIL);
		}
		String change = running.describe() + " runs here; " + ReleaseGuard.change(running, client, plan);
		return new PreflightCheck("StorageCluster", existing + "; " + change, Verdict.WARN);
	}

	private static String phase(GenericKubernetesResource cluster) {
		Object status = cluster.getAdditionalProperties().get("status");
		if (status instanceof java.util.Map<?, ?> map && map.get("phase") != null) {
			return String.valueOf(map.get("phase"));
		}
		return "no phase yet";
	}

	private static PreflightCheck storageClasses(KubernetesClient client) {
		List<StorageClass> classes = client.storage().v1().storageClasses().list().getItems();
		if (classes.isEmpty()) {
			return new PreflightCheck("StorageClasses", "none", Verdict.PASS);
		}
		List<String> names = classes.stream()
			.map((c) -> c.getMetadata().getName() + " (" + c.getProvisioner() + ")")
			.toList();
		boolean onlyLocal = classes.stream().allMatch((c) -> LOCAL_PROVISIONERS.contains(c.getProvisioner()));
		if (onlyLocal) {
			return new PreflightCheck("StorageClasses",
					String.join(", ", names) + ": only hostpath/local storage, which works for a single node only",
					Verdict.WARN);
		}
		return new PreflightCheck("StorageClasses", String.join(", ", names), Verdict.PASS);
	}

	/**
	 * One SelfSubjectAccessReview per kind the spec holds: may these credentials create
	 * it?
	 */
	private static List<PreflightCheck> permissions(KubernetesClient client, ApplyPlan plan) {
		Set<String> denied = new LinkedHashSet<>();
		Set<String> checked = new LinkedHashSet<>();
		List<HasMetadata> objects = new ArrayList<>(plan.operatorObjects());
		objects.addAll(plan.clusterObjects());
		objects.addAll(plan.storageClassObjects());
		for (HasMetadata object : objects) {
			String group = object.getApiVersion().contains("/")
					? object.getApiVersion().substring(0, object.getApiVersion().indexOf('/')) : "";
			String resource = HasMetadata.getPlural(object.getClass());
			if (object instanceof GenericKubernetesResource) {
				resource = object.getKind().toLowerCase(java.util.Locale.ROOT) + "s";
			}
			String kind = resource + (group.isEmpty() ? "" : "." + group);
			if (!checked.add(kind)) {
				continue;
			}
			SelfSubjectAccessReview review = client.authorization()
				.v1()
				.selfSubjectAccessReview()
				.create(new SelfSubjectAccessReviewBuilder().withNewSpec()
					.withNewResourceAttributes()
					.withGroup(group)
					.withResource(resource)
					.withVerb("create")
					.withNamespace(object.getMetadata().getNamespace())
					.endResourceAttributes()
					.endSpec()
					.build());
			if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAllowed())) {
				denied.add(kind);
			}
		}
		if (denied.isEmpty()) {
			return List.of(new PreflightCheck("Permissions", "may create " + String.join(", ", checked), Verdict.PASS));
		}
		return List.of(new PreflightCheck("Permissions", "may not create " + String.join(", ", denied), Verdict.FAIL));
	}

	/**
	 * The checks and the server's Kubernetes version.
	 *
	 * @param checks every line, in order
	 * @param kubernetesVersion the server's version as {@code kbver} takes it,
	 * {@code null} when unreachable
	 */
	public record Result(List<PreflightCheck> checks, String kubernetesVersion) {

		public boolean hasFailures() {
			return checks.stream().anyMatch((check) -> check.verdict() == Verdict.FAIL);
		}

	}

}
