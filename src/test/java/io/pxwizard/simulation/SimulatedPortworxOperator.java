package io.pxwizard.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Portworx operator (and the controllers around it) do, played on the simulated
 * API server: the operator Deployment becomes available, the operator registers the
 * StorageCluster and StorageNode CRDs, and a StorageCluster makes the seed's pods appear
 * on three nodes and go Pending → ContainerCreating → Running before the cluster turns
 * Online. One tick every {@code step}.
 */
public final class SimulatedPortworxOperator implements AutoCloseable {

	public static final String MANAGED_BY = "operator.libopenstorage.org/managed-by";

	/** The seed's three nodes, unless a node count is given. */
	public static final List<String> NODES = List.of("node-1", "node-2", "node-3");

	/**
	 * Stork, its scheduler and the CSI controller are Deployments of three replicas
	 * whatever the cluster's size.
	 */
	private static final int CONTROL_PLANE_REPLICAS = 3;

	/**
	 * The finalizer the operator holds a StorageCluster by
	 * (pkg/controller/storagecluster).
	 */
	public static final String DELETE_FINALIZER = "operator.libopenstorage.org/delete";

	/** The operator's node wiper DaemonSet and its pods' {@code name} label. */
	public static final String NODE_WIPER = "px-node-wiper";

	/**
	 * The label px-wizard's disk scan carries (io.pxwizard.diskscan.DiskScanner), and the
	 * line that ends its output.
	 */
	static final String DISK_SCAN_LABEL = "px-wizard.io/task";

	static final String DISK_SCAN = "disk-scan";

	static final String DISK_SCAN_END = "PX-WIZARD-SCAN-END";

	static final ResourceDefinitionContext STORAGE_CLUSTERS = new ResourceDefinitionContext.Builder()
		.withGroup("core.libopenstorage.org")
		.withVersion("v1")
		.withKind("StorageCluster")
		.withPlural("storageclusters")
		.withNamespaced(true)
		.build();

	static final ResourceDefinitionContext STORAGE_NODES = new ResourceDefinitionContext.Builder()
		.withGroup("core.libopenstorage.org")
		.withVersion("v1")
		.withKind("StorageNode")
		.withPlural("storagenodes")
		.withNamespaced(true)
		.build();

	private static final Logger logger = LoggerFactory.getLogger(SimulatedPortworxOperator.class);

	private final KubernetesClient client;

	private final Duration step;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "simulated-portworx-operator");
		thread.setDaemon(true);
		return thread;
	});

	/** When each simulated pod was created, by namespace/name, to move it along. */
	private final Map<String, Instant> born = new ConcurrentHashMap<>();

	/**
	 * Pods whose images come from px-wizard's manifests, by namespace/name: pulled
	 * through the simulated registry.
	 */
	private final java.util.Set<String> pullsFromRegistry = ConcurrentHashMap.newKeySet();

	private volatile boolean paused;

	private volatile boolean workload;

	private volatile List<String> nodes = NODES;

	/** The pods of the namespace a reconcile works on, listed once per tick. */
	private Map<String, Pod> listedPods;

	private final SimulatedVolumes volumes;

	private final SimulatedRegistry registry;

	private final FaithfulCrudDispatcher apiServer;

	private final SimulatedDisks disks;

	public SimulatedPortworxOperator(KubernetesClient client, Duration step, SimulatedRegistry registry,
			FaithfulCrudDispatcher apiServer, SimulatedDisks disks) {
		this.client = client;
		this.step = step;
		this.registry = registry;
		this.apiServer = apiServer;
		this.disks = disks;
		this.volumes = new SimulatedVolumes(client);
	}

	/**
	 * The cluster's node count: a px pod, a portworx-api pod and a StorageNode each
	 * ({@code node-1} to {@code node-<count>}).
	 */
	public SimulatedPortworxOperator withNodes(int count) {
		this.nodes = java.util.stream.IntStream.rangeClosed(1, Math.max(1, count))
			.mapToObj((i) -> "node-" + i)
			.toList();
		return this;
	}

	/**
	 * Plays a team's database on the cluster once Portworx is Online (for
	 * {@code mvn spring-boot:test-run}): a Portworx StorageClass, a claim of it and a pod
	 * mounting the claim.
	 */
	public SimulatedPortworxOperator withWorkload(boolean workload) {
		this.workload = workload;
		return this;
	}

	public SimulatedPortworxOperator start() {
		ticker.scheduleWithFixedDelay(this::tick, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS);
		return this;
	}

	/**
	 * Stops moving things along (a test that wants a pod to stay as it put it); returns
	 * once a tick under way has ended, so nothing the test does next is undone.
	 */
	public void pause(boolean paused) {
		this.paused = paused;
		try {
			ticker.submit(() -> {
			}).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The simulated operator did not finish its tick", ex);
		}
	}

	private void tick() {
		if (paused) {
			return;
		}
		try {
			ensureNodes();
			runDiskScans();
			for (Deployment operator : client.apps().deployments().inAnyNamespace().list().getItems()) {
				if ("portworx-operator".equals(operator.getMetadata().getName())) {
					runOperator(operator);
				}
			}
			collectOperatorPods();
			boolean online = false;
			if (crdExists("storageclusters.core.libopenstorage.org")) {
				for (GenericKubernetesResource cluster : client.genericKubernetesResources(STORAGE_CLUSTERS)
					.inAnyNamespace()
					.list()
					.getItems()) {
					try {
						reconcile(cluster);
					}
					finally {
						// A failed reconcile leaves no stale pod list for the next tick.
						listedPods = null;
					}
					online |= cluster.getMetadata().getDeletionTimestamp() == null
							&& "Online".equals(cluster.get("status", "phase"));
				}
			}
			volumes.tick(online, workload);
		}
		catch (KubernetesClientException ex) {
			logger.debug("Simulated operator tick failed: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.warn("Simulated operator tick failed", ex);
		}
	}

	/**
	 * The garbage collector: the operator's pods go with its Deployment (an uninstall
	 * deletes it).
	 */
	private void collectOperatorPods() {
		for (Pod pod : client.pods().inAnyNamespace().withLabel("name", "portworx-operator").list().getItems()) {
			String namespace = pod.getMetadata().getNamespace();
			if (client.apps().deployments().inNamespace(namespace).withName("portworx-operator").get() == null) {
				client.pods().inNamespace(namespace).resource(pod).withGracePeriod(0).delete();
				born.remove(namespace + "/" + pod.getMetadata().getName());
			}
		}
	}

	private void ensureNodes() {
		// Every cluster has these namespaces from its first start.
		for (String namespace : List.of("kube-system", "default")) {
			if (client.namespaces().withName(namespace).get() == null) {
				client.namespaces()
					.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
						.withName(namespace)
						.endMetadata()
						.build())
					.create();
			}
		}
		for (String name : nodes) {
			if (client.nodes().withName(name).get() == null) {
				client.nodes()
					.resource(new NodeBuilder().withNewMetadata()
						.withName(name)
						.addToLabels("kubernetes.io/hostname", name)
						.endMetadata()
						.withNewStatus()
						.addNewCondition()
						.withType("Ready")
						.withStatus("True")
						.endCondition()
						.withNewNodeInfo()
						.withKubeletVersion("v1.30.2+k3s1")
						.withKernelVersion("5.15.0-105-generic")
						.withOsImage("Ubuntu 22.04.4 LTS")
						.withContainerRuntimeVersion("containerd://1.7.15-k3s1")
						.endNodeInfo()
						.addToCapacity("cpu", new io.fabric8.kubernetes.api.model.Quantity("8"))
						.addToCapacity("memory", new io.fabric8.kubernetes.api.model.Quantity("32Gi"))
						.endStatus()
						.build())
					.create();
			}
		}
	}

	/**
	 * The DaemonSet controller and the kubelets for px-wizard's disk scan: a pod per node
	 * pulling the DaemonSet's image, then printing the node's {@code lsblk --json} and
	 * the end marker; pods of a deleted DaemonSet go, as the garbage collector removes
	 * them.
	 */
	private void runDiskScans() {
		var scans = client.apps().daemonSets().inAnyNamespace().withLabel(DISK_SCAN_LABEL, DISK_SCAN).list().getItems();
		for (var scan : scans) {
			String namespace = scan.getMetadata().getNamespace();
			var template = scan.getSpec().getTemplate();
			String image = template.getSpec().getContainers().get(0).getImage();
			for (String node : nodes) {
				String name = scan.getMetadata().getName() + "-" + suffix(node, 5);
				Pod pod = ensurePod(namespace, name, template.getMetadata().getLabels(), List.of("lsblk"), node, 0,
						image);
				if (isRunning(pod)) {
					apiServer.log(namespace, name, disks.lsblk(node) + "\n" + DISK_SCAN_END + "\n");
				}
			}
		}
		for (Pod pod : client.pods().inAnyNamespace().withLabel(DISK_SCAN_LABEL, DISK_SCAN).list().getItems()) {
			boolean owned = scans.stream()
				.anyMatch((scan) -> scan.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace())
						&& pod.getMetadata().getName().startsWith(scan.getMetadata().getName() + "-"));
			if (!owned) {
				client.pods()
					.inNamespace(pod.getMetadata().getNamespace())
					.withName(pod.getMetadata().getName())
					.delete();
			}
		}
	}

	/**
	 * The Deployment controller and the operator's start-up. Conditions as Kubernetes
	 * sets them for this manifest (one replica, {@code maxUnavailable: 1}):
	 * {@code Available} is True before any pod is ready, only the available replica count
	 * tells. The pod pulls the Deployment's image, or fails to as an air-gapped node
	 * would.
	 */
	private void runOperator(Deployment operator) {
		String namespace = operator.getMetadata().getNamespace();
		Long generation = operator.getMetadata().getGeneration();
		String image = operator.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
		String podName = "portworx-operator-" + suffix(operator.getMetadata().getUid() + image, 9) + "-"
				+ suffix("op", 5);
		Pod pod = ensurePod(namespace, podName, Map.of("name", "portworx-operator"), List.of("portworx-operator"),
				nodes.get(0), 0, image);
		boolean available = isRunning(pod);
		DeploymentStatus status = operator.getStatus();
		boolean current = status != null && java.util.Objects.equals(generation, status.getObservedGeneration())
				&& Integer.valueOf(available ? 1 : 0).equals(status.getAvailableReplicas());
		if (!current) {
			if (available) {
				// The ReplicaSet of the previous image is scaled down once the new pod is
				// ready.
				for (Pod old : client.pods()
					.inNamespace(namespace)
					.withLabel("name", "portworx-operator")
					.list()
					.getItems()) {
					if (!old.getMetadata().getName().equals(podName)) {
						client.pods().inNamespace(namespace).resource(old).withGracePeriod(0).delete();
					}
				}
			}
			operator.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation)
				.withReplicas(1)
				.withUpdatedReplicas(1)
				.withReadyReplicas(available ? 1 : 0)
				.withAvailableReplicas(available ? 1 : 0)
				.withUnavailableReplicas(available ? 0 : 1)
				.addNewCondition()
				.withType("Available")
				.withStatus("True")
				.withReason("MinimumReplicasAvailable")
				.withMessage("Deployment has minimum availability.")
				.endCondition()
				.addNewCondition()
				.withType("Progressing")
				.withStatus("True")
				.withReason(available ? "NewReplicaSetAvailable" : "ReplicaSetUpdated")
				.endCondition()
				.build());
			client.apps().deployments().inNamespace(namespace).resource(operator).updateStatus();
			return;
		}
		if (!available) {
			return;
		}
		registerCrd("storageclusters", "StorageCluster", "stc");
		registerCrd("storagenodes", "StorageNode", "sn");
	}

	private boolean crdExists(String name) {
		return client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null;
	}

	private void registerCrd(String plural, String kind, String shortName) {
		String name = plural + ".core.libopenstorage.org";
		if (crdExists(name)) {
			return;
		}
		client.apiextensions()
			.v1()
			.customResourceDefinitions()
			.resource(new CustomResourceDefinitionBuilder().withNewMetadata()
				.withName(name)
				.endMetadata()
				.withNewSpec()
				.withGroup("core.libopenstorage.org")
				.withScope("Namespaced")
				.withNewNames()
				.withPlural(plural)
				.withSingular(kind.toLowerCase())
				.withKind(kind)
				.withShortNames(shortName)
				.endNames()
				.addNewVersion()
				.withName("v1")
				.withServed(true)
				.withStorage(true)
				.withNewSubresources()
				.withNewStatus()
				.endStatus()
				.endSubresources()
				.endVersion()
				.endSpec()
				.withNewStatus()
				.addNewCondition()
				.withType("Established")
				.withStatus("True")
				.endCondition()
				.endStatus()
				.build())
			.create();
	}

	/**
	 * The pods the seed's listing shows, then the cluster Online and its StorageNodes; a
	 * StorageCluster being deleted is uninstalled instead. The operator holds every
	 * StorageCluster by its delete finalizer from the first reconcile.
	 */
	private void reconcile(GenericKubernetesResource cluster) {
		if (cluster.getMetadata().getDeletionTimestamp() != null) {
			uninstall(cluster);
			return;
		}
		if (cluster.getMetadata().getFinalizers() == null
				|| !cluster.getMetadata().getFinalizers().contains(DELETE_FINALIZER)) {
			client.genericKubernetesResources(STORAGE_CLUSTERS)
				.inNamespace(cluster.getMetadata().getNamespace())
				.withName(cluster.getMetadata().getName())
				.patch(PatchContext.of(PatchType.JSON_MERGE),
						"{\"metadata\":{\"finalizers\":[\"" + DELETE_FINALIZER + "\"]}}");
		}
		String namespace = cluster.getMetadata().getNamespace();
		String name = cluster.getMetadata().getName();
		String uid = String.valueOf(cluster.getMetadata().getUid());
		List<Pod> pods = new ArrayList<>();
		// The operator moves spec.image to spec.customImageRegistry itself.
		String portworxImage = OperatorImages.urn(cluster.<String>get("spec", "customImageRegistry"),
				cluster.<String>get("spec", "image"));
		List<String> nodes = this.nodes;
		listedPods = new java.util.HashMap<>();
		client.pods()
			.inNamespace(namespace)
			.list()
			.getItems()
			.forEach((pod) -> listedPods.put(namespace + "/" + pod.getMetadata().getName(), pod));
		List<Pod> portworx = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			String node = nodes.get(i);
			Pod px = ensurePod(namespace, name + "-" + suffix(uid + node, 5),
					Map.of("name", "portworx", "operator.libopenstorage.org/name", name,
							"operator.libopenstorage.org/driver", "portworx"),
					List.of("portworx", "csi-node-driver-registrar", "telemetry"), node, 1, portworxImage);
			portworx.add(px);
			pods.add(px);
			pods.add(ensurePod(namespace, "portworx-api-" + suffix("api" + node, 5), Map.of("name", "portworx-api"),
					List.of("portworx-api"), node, 0));
			if (i < CONTROL_PLANE_REPLICAS) {
				pods.add(ensurePod(namespace, "stork-687ddb787d-" + suffix("stork" + i, 5),
						Map.of("name", "stork", "tier", "control-plane"), List.of("stork"), node, 1));
				pods.add(ensurePod(namespace, "stork-scheduler-7666d5c7f9-" + suffix("sched" + i, 5),
						Map.of("name", "stork-scheduler", "component", "scheduler", "tier", "control-plane"),
						List.of("stork-scheduler"), node, 1));
				pods.add(ensurePod(namespace, "px-csi-ext-5686675c58-" + suffix("csi" + i, 5),
						Map.of("app", "px-csi-driver"),
						List.of("csi-external-provisioner", "csi-snapshotter", "csi-resizer"), node, 2));
			}
		}
		pods.add(ensurePod(namespace, "px-lighthouse-7dc48b77c8-" + suffix("lh", 5), Map.of("tier", "px-web-console"),
				List.of("px-lighthouse", "config-sync", "stork-connector"), nodes.get(0), 2));
		String second = nodes.get(Math.min(1, nodes.size() - 1));
		String third = nodes.get(Math.min(2, nodes.size() - 1));
		pods.add(ensurePod(namespace, "autopilot-f76f468d4-" + suffix("ap", 5),
				Map.of("name", "autopilot", "tier", "control-plane"), List.of("autopilot"), second, 2));
		pods.add(ensurePod(namespace, "px-prometheus-operator-8c88487bc-" + suffix("pop", 5),
				Map.of("k8s-app", "px-prometheus-operator"), List.of("px-prometheus-operator"), third, 1));
		pods.add(ensurePod(namespace, "prometheus-px-prometheus-0", Map.of("prometheus", "px-prometheus"),
				List.of("prometheus", "config-reloader", "rules-configmap-reloader"), third, 3));
		listedPods = null;
		// The px pods were just fetched: the roll adds no API call to a steady tick.
		rollPortworxPods(namespace, portworxImage, portworx);
		boolean allRunning = pods.stream().allMatch(SimulatedPortworxOperator::isRunning);
		// status.version is the image's tag, as the operator sets it
		// (pkg/migration/generate.go: GetImageTag).
		setPhase(cluster, allRunning ? "Online" : "Initializing", tag(portworxImage));
		if (allRunning) {
			for (int i = 0; i < nodes.size(); i++) {
				// A StorageNode's spec.version is the release its px pod runs.
				ensureStorageNode(namespace, nodes.get(i), name,
						tag(portworx.get(i).getSpec().getContainers().get(0).getImage()));
			}
		}
	}

	/**
	 * What the operator's {@code DeleteStorage} does (drivers/storage/portworx/
	 * portworx.go): without a delete strategy it lets the StorageCluster go and leaves
	 * Portworx on the nodes; with one it removes the components, runs the
	 * {@code px-node-wiper} pods (one per node, done when ready), then sets the Delete
	 * condition Completed and drops its finalizer, and the API server deletes the object.
	 * Phase {@code Uninstalling} meanwhile.
	 */
	private void uninstall(GenericKubernetesResource cluster) {
		String namespace = cluster.getMetadata().getNamespace();
		String strategy = cluster.get("spec", "deleteStrategy", "type");
		for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
			Map<String, String> labels = pod.getMetadata().getLabels();
			boolean stays = labels != null && (labels.containsKey(DISK_SCAN_LABEL)
					|| "portworx-operator".equals(labels.get("name")) || NODE_WIPER.equals(labels.get("name")));
			if (!stays && labels != null && "portworx".equals(labels.get(MANAGED_BY))) {
				client.pods().inNamespace(namespace).resource(pod).withGracePeriod(0).delete();
				born.remove(namespace + "/" + pod.getMetadata().getName());
			}
		}
		if (strategy == null) {
			release(cluster, "Portworx service NOT removed. Portworx drives and data NOT wiped.");
			return;
		}
		List<Pod> wipers = new ArrayList<>();
		for (String node : nodes) {
			wipers.add(ensurePod(namespace, NODE_WIPER + "-" + suffix(node + "wipe", 5), Map.of("name", NODE_WIPER),
					List.of(NODE_WIPER), node, 1));
		}
		if (!wipers.stream().allMatch(SimulatedPortworxOperator::isRunning)) {
			setUninstallStatus(cluster, "InProgress", "Started node wiper daemonset");
			return;
		}
		for (Pod wiper : wipers) {
			client.pods().inNamespace(namespace).resource(wiper).withGracePeriod(0).delete();
			born.remove(namespace + "/" + wiper.getMetadata().getName());
		}
		release(cluster,
				"UninstallAndWipe".equals(strategy) ? "Portworx service removed. Portworx drives and data wiped."
						: "Portworx service removed. Portworx drives and data NOT wiped.");
	}

	private void release(GenericKubernetesResource cluster, String message) {
		String namespace = cluster.getMetadata().getNamespace();
		client.genericKubernetesResources(STORAGE_NODES).inNamespace(namespace).delete();
		setUninstallStatus(cluster, "Completed", message);
		client.genericKubernetesResources(STORAGE_CLUSTERS)
			.inNamespace(namespace)
			.withName(cluster.getMetadata().getName())
			.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
	}

	private void setUninstallStatus(GenericKubernetesResource cluster, String conditionStatus, String message) {
		Object current = cluster.getAdditionalProperties().get("status");
		Map<String, Object> status = new LinkedHashMap<>();
		if (current instanceof Map<?, ?> map) {
			map.forEach((key, value) -> status.put(String.valueOf(key), value));
		}
		status.put("phase", "Uninstalling");
		status.put("conditions",
				List.of(Map.of("source", "Portworx", "type", "Delete", "status", conditionStatus, "message", message)));
		if (status.equals(current)) {
			return;
		}
		cluster.setAdditionalProperty("status", status);
		client.genericKubernetesResources(STORAGE_CLUSTERS)
			.inNamespace(cluster.getMetadata().getNamespace())
			.resource(cluster)
			.updateStatus();
	}

	/**
	 * A changed {@code spec.image} is rolled out as the operator does it: one node at a
	 * time, the next px pod deleted (and re-created with the new image) only when every
	 * px pod runs.
	 */
	private void rollPortworxPods(String namespace, String portworxImage, List<Pod> portworx) {
		if (portworxImage == null) {
			// A StorageCluster without an image (some tests write one): its pods keep
			// their simulated image.
			return;
		}
		if (!portworx.stream().allMatch(SimulatedPortworxOperator::isRunning)) {
			return;
		}
		portworx.stream()
			.filter((pod) -> !pod.getSpec().getContainers().get(0).getImage().equals(portworxImage))
			.findFirst()
			.ifPresent((old) -> {
				client.pods().inNamespace(namespace).resource(old).withGracePeriod(0).delete();
				born.remove(namespace + "/" + old.getMetadata().getName());
			});
	}

	private void setPhase(GenericKubernetesResource cluster, String phase, String version) {
		Object status = cluster.getAdditionalProperties().get("status");
		if (status instanceof Map<?, ?> map && phase.equals(map.get("phase"))
				&& java.util.Objects.equals(version, map.get("version"))) {
			return;
		}
		Map<String, Object> newStatus = new LinkedHashMap<>();
		newStatus.put("clusterName", cluster.getMetadata().getName());
		newStatus.put("phase", phase);
		if (version != null) {
			newStatus.put("version", version);
		}
		cluster.setAdditionalProperty("status", newStatus);
		client.genericKubernetesResources(STORAGE_CLUSTERS)
			.inNamespace(cluster.getMetadata().getNamespace())
			.resource(cluster)
			.updateStatus();
	}

	private void ensureStorageNode(String namespace, String node, String clusterName, String version) {
		var nodes = client.genericKubernetesResources(STORAGE_NODES).inNamespace(namespace);
		GenericKubernetesResource existing = nodes.withName(node).get();
		if (existing != null) {
			if (version != null && !version.equals(existing.<String>get("spec", "version"))) {
				existing.setAdditionalProperty("spec", Map.of("version", version));
				nodes.resource(existing).update();
			}
			return;
		}
		GenericKubernetesResource storageNode = new GenericKubernetesResourceBuilder()
			.withApiVersion("core.libopenstorage.org/v1")
			.withKind("StorageNode")
			.withNewMetadata()
			.withName(node)
			.withNamespace(namespace)
			.addToLabels("name", "portworx")
			.addToLabels("operator.libopenstorage.org/name", clusterName)
			.endMetadata()
			.build();
		if (version != null) {
			storageNode.setAdditionalProperty("spec", Map.of("version", version));
		}
		GenericKubernetesResource created = nodes.resource(storageNode).create();
		created.setAdditionalProperty("status", Map.of("phase", "Online"));
		nodes.resource(created).updateStatus();
	}

	/**
	 * Creates the pod when it is missing and moves it along: Pending for a tick,
	 * ContainerCreating for two, then Running and ready; {@code delay} ticks stagger the
	 * components as a real install does.
	 */
	private Pod ensurePod(String namespace, String name, Map<String, String> labels, List<String> containers,
			String node, int delay) {
		return ensurePod(namespace, name, labels, containers, node, delay, null);
	}

	/**
	 * As above, the first container running {@code image} (the component's own simulated
	 * image when {@code null}); an image the nodes cannot pull leaves the pod waiting in
	 * ImagePullBackOff, as the kubelet does.
	 */
	private Pod ensurePod(String namespace, String name, Map<String, String> labels, List<String> containers,
			String node, int delay, String image) {
		String key = namespace + "/" + name;
		Pod pod = (listedPods != null) ? listedPods.get(key)
				: client.pods().inNamespace(namespace).withName(name).get();
		if (pod == null) {
			Map<String, String> allLabels = new LinkedHashMap<>(labels);
			allLabels.put(MANAGED_BY, "portworx");
			PodBuilder builder = new PodBuilder().withNewMetadata()
				.withName(name)
				.withNamespace(namespace)
				.withLabels(allLabels)
				.endMetadata()
				.withNewSpec()
				.withNodeName(node)
				.endSpec();
			for (int i = 0; i < containers.size(); i++) {
				String container = containers.get(i);
				builder.editSpec()
					.addNewContainer()
					.withName(container)
					.withImage((i == 0 && image != null) ? image : "portworx/" + container + ":simulated")
					.endContainer()
					.endSpec();
			}
			if (image != null) {
				pullsFromRegistry.add(key);
			}
			pod = builder.withNewStatus().withPhase("Pending").endStatus().build();
			pod = client.pods().inNamespace(namespace).resource(pod).create();
			born.put(key, Instant.now().plus(step.multipliedBy(delay)));
			return pod;
		}
		if (isRunning(pod) || isHeld(pod)) {
			return pod;
		}
		// Only the images px-wizard's manifests decide are checked (the operator's,
		// Portworx's); the components the
		// operator starts from its release manifest keep their simulated images.
		String image0 = pod.getSpec().getContainers().get(0).getImage();
		if (pullsFromRegistry.contains(key) && !registry.canPull(image0)) {
			boolean pulledBefore = pod.getStatus().getContainerStatuses() != null
					&& !pod.getStatus().getContainerStatuses().isEmpty();
			return pulledBefore ? pod : setContainers(pod, "Pending", false, "ImagePullBackOff");
		}
		long ticks = Duration.between(born.getOrDefault(key, Instant.now()), Instant.now()).toMillis()
				/ Math.max(1, step.toMillis());
		if (ticks >= 3) {
			return setContainers(pod, "Running", true, null);
		}
		if (ticks >= 1) {
			return setContainers(pod, "Pending", false, "ContainerCreating");
		}
		return pod;
	}

	/** A pod a test has put in a state of its own (an image pull error) is left alone. */
	private static boolean isHeld(Pod pod) {
		return pod.getMetadata().getAnnotations() != null
				&& pod.getMetadata().getAnnotations().containsKey("simulation/hold");
	}

	private Pod setContainers(Pod pod, String phase, boolean ready, String waitingReason) {
		List<ContainerStatus> statuses = new ArrayList<>();
		for (var container : pod.getSpec().getContainers()) {
			ContainerStatusBuilder status = new ContainerStatusBuilder().withName(container.getName())
				.withImage(container.getImage())
				.withReady(ready)
				.withStarted(ready)
				.withRestartCount(0);
			if (ready) {
				status.withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState();
			}
			else {
				status.withNewState().withNewWaiting().withReason(waitingReason).endWaiting().endState();
			}
			statuses.add(status.build());
		}
		Pod updated = new PodBuilder(pod).editStatus()
			.withPhase(phase)
			.withContainerStatuses(statuses)
			.withConditions()
			.addNewCondition()
			.withType("Ready")
			.withStatus(ready ? "True" : "False")
			.endCondition()
			.endStatus()
			.build();
		return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(updated).update();
	}

	/**
	 * An image's tag, or {@code null} without one (a simulated component's image has
	 * "simulated").
	 */
	private static String tag(String image) {
		if (image == null || image.endsWith(":simulated")) {
			return null;
		}
		int colon = image.lastIndexOf(':');
		return (colon >= 0 && image.indexOf('/', colon) < 0) ? image.substring(colon + 1) : null;
	}

	static boolean isRunning(Pod pod) {
		return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
	}

	private static String suffix(String seed, int length) {
		String alphabet = "bcdfghjklmnpqrstvwxz2456789";
		StringBuilder suffix = new StringBuilder();
		long hash = seed.hashCode() & 0xffffffffL;
		for (int i = 0; i < length; i++) {
			suffix.append(alphabet.charAt((int) (hash % alphabet.length())));
			hash = hash / alphabet.length() + 7919L * (i + 1);
		}
		return suffix.toString();
	}

	@Override
	public void close() {
		ticker.shutdownNow();
	}

}
