package io.pxwizard.status;

import java.util.List;
import java.util.Optional;

import io.pxwizard.model.PortworxVersion;

/**
 * What the status page shows of one namespace at one moment, made from the informers'
 * caches.
 *
 * @param namespace the watched namespace
 * @param groups one group per component, in the page's order (empty ones included)
 * @param storageCluster the StorageCluster, or {@code null} when there is none (yet)
 * @param storageNodes the StorageNodes and their status
 * @param connection whether the watch to the cluster is live
 */
public record BoardView(String namespace, List<Group> groups, Named storageCluster, List<Named> storageNodes,
		Connection connection) {

	public int podsReady() {
		return groups.stream().mapToInt(Group::ready).sum();
	}

	public int podsTotal() {
		return groups.stream().mapToInt((group) -> group.rows().size()).sum();
	}

	/**
	 * Every pod ready, the StorageCluster Online (operator up to 1.10) or Running (later
	 * operators), and no StorageNode still on another release.
	 */
	public boolean complete() {
		return podsTotal() > 0 && podsReady() == podsTotal() && storageCluster != null
				&& ("Online".equals(storageCluster.phase()) || "Running".equals(storageCluster.phase()))
				&& !upgrading();
	}

	/**
	 * A release is rolling out: some StorageNode runs another version than the
	 * StorageCluster's ({@code status.version}, the image's tag).
	 */
	public boolean upgrading() {
		return nodesAtClusterVersion() < storageNodes.size();
	}

	/**
	 * How many StorageNodes run the StorageCluster's version (all, when it is not known).
	 */
	public int nodesAtClusterVersion() {
		if (storageCluster == null || storageCluster.version() == null) {
			return storageNodes.size();
		}
		return (int) storageNodes.stream()
			.filter((node) -> node.version() == null || sameRelease(storageCluster.version(), node.version()))
			.count();
	}

	/**
	 * A node reports its build too ({@code 2.12.2.0-6ae3f1f}): the release numbers are
	 * compared, as {@code PortworxVersion} reads them.
	 */
	private static boolean sameRelease(String cluster, String node) {
		Optional<PortworxVersion> a = PortworxVersion.parse(cluster);
		Optional<PortworxVersion> b = PortworxVersion.parse(node);
		return (a.isPresent() && b.isPresent()) ? a.get().compareTo(b.get()) == 0 : cluster.equals(node);
	}

	/**
	 * One component's pods.
	 *
	 * @param component the component
	 * @param rows its pods, by name
	 */
	public record Group(Component component, String selector, List<PodRow> rows) {

		public int ready() {
			return (int) rows.stream().filter(PodRow::isReady).count();
		}

	}

	/**
	 * One pod, in {@code kubectl get pods} columns, and why it is not ready.
	 *
	 * @param name NAME
	 * @param ready READY ({@code 2/3})
	 * @param status STATUS in kubectl's words
	 * @param restarts RESTARTS
	 * @param age AGE in kubectl's short form when rendered
	 * @param created the pod's creationTimestamp, from which the browser ages the row
	 * @param isReady every container ready
	 * @param why the waiting or terminated reason and message, or {@code null}
	 * @param events the last events of a pod that is not ready
	 */
	public record PodRow(String name, String ready, String status, int restarts, String age, String created,
			boolean isReady, String why, List<String> events) {
	}

	/**
	 * A StorageCluster or StorageNode: its name, phase and release (the StorageCluster's
	 * {@code status.version}, a StorageNode's {@code spec.version}, as the operator's
	 * CRDs print them; {@code null} when not set).
	 */
	public record Named(String name, String phase, String version) {
	}

	/** The watch's state, as the page shows it. */
	public enum Connection {

		/** First list under way. */
		CONNECTING,
		/** Watching. */
		LIVE,
		/** The watch failed; the last known state is shown greyed while it reconnects. */
		RECONNECTING

	}

}
