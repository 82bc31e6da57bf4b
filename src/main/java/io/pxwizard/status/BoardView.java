package io.pxwizard.status;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

	/**
	 * Above this many rows a group (or the StorageNodes) is folded: counts by state, the
	 * rows that are not ready first, the ready ones behind a count with a filter. A
	 * 3-node cluster's board is never folded.
	 */
	public static final int FOLD_ABOVE = 20;

	public int podsReady() {
		return groups.stream().mapToInt(Group::ready).sum();
	}

	public int podsTotal() {
		return groups.stream().mapToInt((group) -> group.rows().size()).sum();
	}

	/** The summary panel's figures, as the board keeps them between renders. */
	public BoardSummary summary() {
		return BoardSummary.of(storageCluster, podsReady(), podsTotal(), storageNodes);
	}

	/** See {@link BoardSummary#complete()}. */
	public boolean complete() {
		return summary().complete();
	}

	/** See {@link BoardSummary#upgrading()}. */
	public boolean upgrading() {
		return summary().upgrading();
	}

	/** See {@link BoardSummary#nodesAtClusterVersion()}. */
	public int nodesAtClusterVersion() {
		return summary().nodesAtClusterVersion();
	}

	public int nodesOnline() {
		return (int) storageNodes.stream().filter(Named::isOnline).count();
	}

	/**
	 * Whether the StorageNodes are too many to list in the summary: then they get a
	 * folded table.
	 */
	public boolean nodesFolded() {
		return storageNodes.size() > FOLD_ABOVE;
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

		/** Too many rows to read one by one: see {@link BoardView#FOLD_ABOVE}. */
		public boolean folded() {
			return rows.size() > FOLD_ABOVE;
		}

		public List<PodRow> notReadyRows() {
			return rows.stream().filter((row) -> !row.isReady()).toList();
		}

		public List<PodRow> readyRows() {
			return rows.stream().filter(PodRow::isReady).toList();
		}

		public GroupHead head() {
			return new GroupHead(component, selector, ready(), rows.size(),
					Count.of(rows.stream().map(PodRow::status).toList()));
		}

	}

	/**
	 * A group's title and counters: what is re-sent with every change of one of its rows.
	 *
	 * @param component the component
	 * @param selector its pods' label selector
	 * @param ready its ready pods
	 * @param total its pods
	 * @param counts how many pods show each STATUS, most first
	 */
	public record GroupHead(Component component, String selector, int ready, int total, List<Count> counts) {

		/** Too many rows to read one by one: see {@link BoardView#FOLD_ABOVE}. */
		public boolean folded() {
			return total > FOLD_ABOVE;
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
	 * @param node the node it runs on ({@code spec.nodeName}), or {@code null} before it
	 * is scheduled
	 */
	public record PodRow(String name, String ready, String status, int restarts, String age, String created,
			boolean isReady, String why, List<String> events, String node) {

		/**
		 * The same pod as far as a viewer can tell: AGE is left out, the browser ages it.
		 */
		boolean looksLike(PodRow other) {
			return other != null && name.equals(other.name) && ready.equals(other.ready) && status.equals(other.status)
					&& restarts == other.restarts && Objects.equals(created, other.created) && isReady == other.isReady
					&& Objects.equals(why, other.why) && events.equals(other.events)
					&& Objects.equals(node, other.node);
		}

	}

	/**
	 * A StorageCluster or StorageNode: its name, phase and release (the StorageCluster's
	 * {@code status.version}, a StorageNode's {@code spec.version}, as the operator's
	 * CRDs print them; {@code null} when not set).
	 */
	public record Named(String name, String phase, String version) {

		public boolean isOnline() {
			return "Online".equals(phase);
		}

	}

	/**
	 * How many rows show one state.
	 *
	 * @param state a STATUS or phase
	 * @param count how many
	 */
	public record Count(String state, int count) {

		/** The states' counts, most first, then by name. */
		static List<Count> of(Iterable<String> states) {
			Map<String, Integer> counts = new HashMap<>();
			states.forEach((state) -> counts.merge(state, 1, Integer::sum));
			return of(counts);
		}

		static List<Count> of(Map<String, Integer> counts) {
			return counts.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > 0)
				.map((entry) -> new Count(entry.getKey(), entry.getValue()))
				.sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::state))
				.toList();
		}

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
