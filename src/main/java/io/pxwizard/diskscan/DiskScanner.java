package io.pxwizard.diskscan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.ReleaseProfile.NodeMinimums;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.disks.DiskRules;
import io.pxwizard.disks.Lsblk;
import io.pxwizard.disks.NodeDisks;
import io.pxwizard.disks.ScanSummary;
import io.pxwizard.manifest.CustomRegistry;
import io.pxwizard.model.InstallSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Looks at every node's block devices before anything is written: a short-lived DaemonSet
 * whose pods run the node's own {@code lsblk --json} in the host's mount namespace
 * ({@code chroot /host}, the host's {@code /} mounted read-only, privileged,
 * {@code hostPID}, as node debugging tools do). px-wizard reads each pod's log, then
 * deletes what it created on every path; leftovers of a px-wizard that stopped mid-scan
 * are found by label and removed.
 */
@Component
public class DiskScanner {

	/** The label of everything the scan creates, to find it again. */
	public static final String TASK_LABEL = "px-wizard.io/task";

	public static final String TASK = "disk-scan";

	static final String SCAN_LABEL = "px-wizard.io/scan";

	/** The line each pod prints after lsblk's JSON. */
	static final String END = "PX-WIZARD-SCAN-END";

	static final String LSBLK = "lsblk --json --bytes --output NAME,PATH,TYPE,SIZE,FSTYPE,MOUNTPOINT,ROTA,RO,RM,PKNAME";

	private static final Set<String> STUCK = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
			"CreateContainerConfigError", "CrashLoopBackOff");

	private static final Logger logger = LoggerFactory.getLogger(DiskScanner.class);

	private final PortworxCatalog catalog;

	private final ClusterProperties properties;

	/** The ids of the scans under way in this process. */
	private final Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

	DiskScanner(PortworxCatalog catalog, ClusterProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	/**
	 * The image the scan runs, moved by the spec's custom registry like every Portworx
	 * image.
	 */
	public String image(InstallSpec spec) {
		return new CustomRegistry(spec.registry().registry(), catalog.images().publicRegistries())
			.resolve(catalog.diskScan().image());
	}

	/** Scans every schedulable node; never throws, and leaves nothing behind. */
	public DiskScan scan(KubernetesClient client, InstallSpec spec, String namespace) {
		String image = image(spec);
		List<String> failures = new ArrayList<>();
		List<NodeFacts> facts;
		try {
			facts = nodeFacts(client, catalog.profile(spec.release()).nodeMinimums());
		}
		catch (KubernetesClientException ex) {
			failures.add("cannot list the nodes: " + reason(ex));
			return new DiskScan(new ScanSummary(List.of()), List.of(), failures, namespace, image, Instant.now());
		}
		String id = UUID.randomUUID().toString().substring(0, 8);
		String name = "px-wizard-disk-scan-" + id;
		Map<String, NodeDisks> answers = new LinkedHashMap<>();
		running.add(id);
		try {
			String refusal = podSecurityRefusal(client, namespace);
			if (refusal != null) {
				failures.add(refusal);
				return new DiskScan(new ScanSummary(List.of()), facts, failures, namespace, image, Instant.now());
			}
			client.apps()
				.daemonSets()
				.inNamespace(namespace)
				.resource(daemonSet(spec, namespace, name, id, image))
				.create();
			collect(client, spec, namespace, id, name, facts, answers, failures);
		}
		catch (KubernetesClientException ex) {
			failures
				.add((ex.getCode() == 403) ? "may not create the scan's DaemonSet in " + namespace + ": " + reason(ex)
						: "the scan failed: " + reason(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failures.add("interrupted");
		}
		finally {
			// Deleted even when interrupted: clear the flag for the deletes (fabric8
			// fails at once on it), then restore.
			boolean interrupted = Thread.interrupted();
			remove(client, namespace, id);
			running.remove(id);
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		return new DiskScan(new ScanSummary(List.copyOf(answers.values())), facts, failures, namespace, image,
				Instant.now());
	}

	/**
	 * Waits for every schedulable node's answer, naming what holds it up when the time is
	 * over.
	 */
	private void collect(KubernetesClient client, InstallSpec spec, String namespace, String id, String name,
			List<NodeFacts> facts, Map<String, NodeDisks> answers, List<String> failures) throws InterruptedException {
		long deadline = System.nanoTime() + properties.scanTimeout().toNanos();
		List<String> expected = facts.stream().filter(NodeFacts::schedulable).map(NodeFacts::name).toList();
		Map<String, String> stuck = new LinkedHashMap<>();
		while (true) {
			for (Pod pod : client.pods().inNamespace(namespace).withLabel(SCAN_LABEL, id).list().getItems()) {
				String node = pod.getSpec().getNodeName();
				if (node == null || answers.containsKey(node)) {
					continue;
				}
				String waiting = waitingReason(pod);
				if (waiting != null) {
					stuck.put(node, waiting);
					continue;
				}
				String log;
				try {
					log = log(client, namespace, pod);
				}
				catch (LogForbidden ex) {
					failures
						.add("may not read the scan pods' logs (pods/log in " + namespace + "): " + ex.getMessage());
					return;
				}
				int end = (log != null) ? log.indexOf(END) : -1;
				if (end >= 0) {
					try {
						answers.put(node, DiskRules.judge(node, spec.storage(), Lsblk.parse(log.substring(0, end))));
					}
					catch (IllegalArgumentException ex) {
						failures.add(node + ": lsblk gave no JSON (" + firstLine(log) + ")");
						answers.put(node, new NodeDisks(node, List.of(), List.of()));
					}
				}
			}
			if (answers.keySet().containsAll(expected)) {
				return;
			}
			if (System.nanoTime() - deadline >= 0) {
				String refused = refusedPods(client, namespace, name);
				if (refused != null) {
					failures.add(refused);
				}
				for (String node : expected) {
					if (!answers.containsKey(node)) {
						failures.add(stuck.containsKey(node) ? node + ": " + stuck.get(node)
								: node + ": never ran its scan pod (tainted beyond what the scan tolerates, or full?)");
					}
				}
				return;
			}
			Thread.sleep(500);
		}
	}

	/** Deletes the scan's DaemonSet and pods, whatever happened. */
	private void remove(KubernetesClient client, String namespace, String id) {
		try {
			client.apps().daemonSets().inNamespace(namespace).withLabel(SCAN_LABEL, id).delete();
		}
		catch (KubernetesClientException ex) {
			logger.warn("Could not delete disk scan {}'s DaemonSet in {}; it is removed at the next start: {}", id,
					namespace, ex.getMessage());
		}
		try {
			client.pods().inNamespace(namespace).withLabel(SCAN_LABEL, id).withGracePeriod(0).delete();
		}
		catch (KubernetesClientException ex) {
			logger.warn("Could not delete disk scan {}'s pods in {}: {}", id, namespace, ex.getMessage());
		}
	}

	/**
	 * What an earlier px-wizard left behind (it stopped in the middle of a scan): found
	 * by label, deleted.
	 */
	public int removeLeftovers(KubernetesClient client) {
		List<DaemonSet> left = client.apps()
			.daemonSets()
			.inAnyNamespace()
			.withLabel(TASK_LABEL, TASK)
			.list()
			.getItems();
		for (DaemonSet daemonSet : left) {
			client.apps().daemonSets().inNamespace(daemonSet.getMetadata().getNamespace()).resource(daemonSet).delete();
		}
		for (Pod pod : client.pods().inAnyNamespace().withLabel(TASK_LABEL, TASK).list().getItems()) {
			if (!running.contains(pod.getMetadata().getLabels().get(SCAN_LABEL))) {
				client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).withGracePeriod(0).delete();
			}
		}
		return left.size();
	}

	static DaemonSet daemonSet(InstallSpec spec, String namespace, String name, String id, String image) {
		Map<String, String> labels = Map.of(TASK_LABEL, TASK, SCAN_LABEL, id, "app.kubernetes.io/managed-by",
				"px-wizard");
		DaemonSetBuilder daemonSet = new DaemonSetBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.withNewSelector()
			.withMatchLabels(Map.of(SCAN_LABEL, id))
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.withHostPID(true)
			.withTerminationGracePeriodSeconds(0L)
			// Every node, whatever its taints: control-plane nodes may hold disks too.
			.addNewToleration()
			.withOperator("Exists")
			.endToleration()
			.addNewContainer()
			.withName("lsblk")
			.withImage(image)
			.withImagePullPolicy("IfNotPresent")
			.withCommand("/bin/sh", "-c", "chroot /host " + LSBLK + "; echo " + END + "; exec sleep 3600")
			.withNewSecurityContext()
			.withPrivileged(true)
			.endSecurityContext()
			.addNewVolumeMount()
			.withName("host")
			.withMountPath("/host")
			.withReadOnly(true)
			.endVolumeMount()
			.withNewResources()
			.addToRequests("cpu", new Quantity("10m"))
			.addToRequests("memory", new Quantity("16Mi"))
			.addToLimits("memory", new Quantity("64Mi"))
			.endResources()
			.endContainer()
			.addNewVolume()
			.withName("host")
			.withNewHostPath()
			.withPath("/")
			.endHostPath()
			.endVolume()
			.endSpec()
			.endTemplate()
			.endSpec();
		if (!spec.registry().pullSecret().isEmpty()) {
			daemonSet.editSpec()
				.editTemplate()
				.editSpec()
				.addNewImagePullSecret(spec.registry().pullSecret())
				.endSpec()
				.endTemplate()
				.endSpec();
		}
		return daemonSet.build();
	}

	static List<NodeFacts> nodeFacts(KubernetesClient client, NodeMinimums minimums) {
		long minimumMemory = Quantity.getAmountInBytes(new Quantity(minimums.memory())).longValue();
		List<NodeFacts> facts = new ArrayList<>();
		for (Node node : client.nodes().list().getItems()) {
			NodeSystemInfo info = (node.getStatus() != null) ? node.getStatus().getNodeInfo() : null;
			Map<String, Quantity> capacity = (node.getStatus() != null && node.getStatus().getCapacity() != null)
					? node.getStatus().getCapacity() : Map.of();
			double cpu = capacity.containsKey("cpu") ? Quantity.getAmountInBytes(capacity.get("cpu")).doubleValue() : 0;
			long memory = capacity.containsKey("memory") ? Quantity.getAmountInBytes(capacity.get("memory")).longValue()
					: 0;
			boolean schedulable = node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable());
			List<String> shortfalls = new ArrayList<>();
			if (!schedulable) {
				shortfalls.add("cordoned (unschedulable)");
			}
			if (cpu > 0 && cpu < minimums.cpu()) {
				shortfalls.add(cpu + " cores, below the " + minimums.cpu() + " Portworx needs");
			}
			if (memory > 0 && memory < minimumMemory) {
				shortfalls.add("memory below the " + minimums.memory() + " Portworx needs");
			}
			facts.add(new NodeFacts(node.getMetadata().getName(), text((info != null) ? info.getKernelVersion() : null),
					text((info != null) ? info.getOsImage() : null),
					text((info != null) ? info.getContainerRuntimeVersion() : null), cpu, memory, schedulable,
					shortfalls));
		}
		return facts;
	}

	/**
	 * A namespace whose Pod Security level refuses privileged pods, said before anything
	 * is created.
	 */
	private static String podSecurityRefusal(KubernetesClient client, String namespace) {
		Namespace object = client.namespaces().withName(namespace).get();
		if (object == null) {
			return "namespace " + namespace + " does not exist yet: the scan runs in the spec's namespace, which the "
					+ "operator manifest creates (kubectl create namespace " + namespace + " to scan first)";
		}
		Map<String, String> labels = (object.getMetadata().getLabels() != null) ? object.getMetadata().getLabels()
				: Map.of();
		String enforce = labels.get("pod-security.kubernetes.io/enforce");
		if ("baseline".equals(enforce) || "restricted".equals(enforce)) {
			return "namespace " + namespace + " enforces Pod Security \"" + enforce + "\", which refuses the scan's "
					+ "privileged pods: kubectl label namespace " + namespace
					+ " pod-security.kubernetes.io/enforce=privileged --overwrite";
		}
		return null;
	}

	/**
	 * The DaemonSet controller's own words when it could not create the pods (Pod
	 * Security admission, quota).
	 */
	private static String refusedPods(KubernetesClient client, String namespace, String name) {
		for (Event event : client.v1().events().inNamespace(namespace).list().getItems()) {
			if (event.getInvolvedObject() != null && name.equals(event.getInvolvedObject().getName())
					&& "FailedCreate".equals(event.getReason())) {
				return "the scan's pods were refused: " + event.getMessage();
			}
		}
		return null;
	}

	private static String waitingReason(Pod pod) {
		if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
			return null;
		}
		for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
			if (status.getState() != null && status.getState().getWaiting() != null
					&& STUCK.contains(status.getState().getWaiting().getReason())) {
				return status.getState().getWaiting().getReason() + " on " + status.getImage();
			}
		}
		return null;
	}

	private static String log(KubernetesClient client, String namespace, Pod pod) {
		try {
			return client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).getLog();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 403) {
				throw new LogForbidden(reason(ex));
			}
			// Not started yet: the log comes on a later look.
			return null;
		}
	}

	/** No permission to read pods/log: the scan cannot see what its pods print. */
	private static final class LogForbidden extends RuntimeException {

		LogForbidden(String message) {
			super(message, null, false, false);
		}

	}

	private static String text(String value) {
		return (value != null) ? value : "?";
	}

	private static String firstLine(String text) {
		String line = text.lines().findFirst().orElse("").strip();
		return (line.length() > 120) ? line.substring(0, 120) + "…" : line;
	}

	private static String reason(KubernetesClientException ex) {
		return (ex.getStatus() != null && ex.getStatus().getMessage() != null) ? ex.getStatus().getMessage()
				: String.valueOf(ex.getMessage());
	}

}
