package io.pxwizard.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pxwizard.model.PortworxVersion;
import io.pxwizard.status.BoardView.Count;
import io.pxwizard.status.BoardView.Named;

/**
 * The summary panel: the install's figures, small whatever the cluster's size, so it can
 * be re-sent on every change.
 *
 * @param storageCluster the StorageCluster, or {@code null} when there is none (yet)
 * @param podsReady pods whose containers are all ready
 * @param podsTotal Portworx's pods
 * @param storageNodes the StorageNodes by name when few enough to list, else empty
 * @param nodeCount how many StorageNodes there are
 * @param nodePhases how many StorageNodes are in each phase, most first
 * @param nodesAtClusterVersion how many StorageNodes run the StorageCluster's release
 */
public record BoardSummary(Named storageCluster, int podsReady, int podsTotal, List<Named> storageNodes, int nodeCount,
		List<Count> nodePhases, int nodesAtClusterVersion) {

	/** The figures of a whole view. */
	static BoardSummary of(Named storageCluster, int podsReady, int podsTotal, List<Named> storageNodes) {
		Map<String, Integer> phases = new HashMap<>();
		Map<String, Integer> versions = new HashMap<>();
		for (Named node : storageNodes) {
			phases.merge(node.phase(), 1, Integer::sum);
			versions.merge(String.valueOf(node.version()), 1, Integer::sum);
		}
		return of(storageCluster, podsReady, podsTotal, storageNodes, phases, versions);
	}

	/**
	 * The figures from the board's running counts: the StorageNodes' phases and versions
	 * ({@code "null"} for a node that reports none), so no node is looked at again.
	 */
	static BoardSummary of(Named storageCluster, int podsReady, int podsTotal, List<Named> storageNodes,
			Map<String, Integer> phases, Map<String, Integer> versions) {
		int nodeCount = versions.values().stream().mapToInt(Integer::intValue).sum();
		int atVersion = nodeCount;
		if (storageCluster != null && storageCluster.version() != null) {
			atVersion = 0;
			for (Map.Entry<String, Integer> version : versions.entrySet()) {
				if ("null".equals(version.getKey()) || sameRelease(storageCluster.version(), version.getKey())) {
					atVersion += version.getValue();
				}
			}
		}
		return new BoardSummary(storageCluster, podsReady, podsTotal,
				(nodeCount > BoardView.FOLD_ABOVE) ? List.of() : storageNodes, nodeCount, Count.of(phases), atVersion);
	}

	/**
	 * Every pod ready, the StorageCluster Online (operator up to 1.10) or Running (later
	 * operators), and no StorageNode still on another release.
	 */
	public boolean complete() {
		return podsTotal > 0 && podsReady == podsTotal && storageCluster != null
				&& ("Online".equals(storageCluster.phase()) || "Running".equals(storageCluster.phase()))
				&& !upgrading();
	}

	/**
	 * A release is rolling out: some StorageNode runs another version than the
	 * StorageCluster's ({@code status.version}, the image's tag).
	 */
	public boolean upgrading() {
		return nodesAtClusterVersion < nodeCount;
	}

	/** Too many StorageNodes to list here: the summary counts them by phase. */
	public boolean nodesFolded() {
		return nodeCount > BoardView.FOLD_ABOVE;
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

}
