package io.pxwizard.status;

import java.util.List;

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
	 * Every pod ready and the StorageCluster Online (operator up to 1.10) or Running
	 * (later operators).
	 */
	public boolean complete() {
		return podsTotal() > 0 && podsReady() == podsTotal() && storageCluster != null
				&& ("Online".equals(storageCluster.phase()) || "Running".equals(storageCluster.phase()));
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
	 * @param age AGE in kubectl's short form
	 * @param isReady every container ready
	 * @param why the waiting or terminated reason and message, or {@code null}
	 * @param events the last events of a pod that is not ready
	 */
	public record PodRow(String name, String ready, String status, int restarts, String age, boolean isReady,
			String why, List<String> events) {
	}

	/**
	 * A StorageCluster or StorageNode: its name and phase.
	 */
	public record Named(String name, String phase) {
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
