package io.pxwizard.disks;

import java.util.List;

/**
 * The whole cluster's verdict: the built-in KVDB needs three storage nodes.
 *
 * @param nodes every node's devices
 */
public record ScanSummary(List<NodeDisks> nodes) {

	/** Nodes Portworx needs with storage for a quorum of its built-in KVDB. */
	public static final int QUORUM = 3;

	public ScanSummary {
		nodes = List.copyOf(nodes);
	}

	public long nodesWithStorage() {
		return nodes.stream().filter(NodeDisks::hasStorage).count();
	}

	public Verdict verdict() {
		long withStorage = nodesWithStorage();
		return (withStorage >= QUORUM) ? Verdict.PASS : (withStorage > 0) ? Verdict.WARN : Verdict.FAIL;
	}

	/** Pass with three nodes that have storage, warn with fewer, fail with none. */
	public enum Verdict {

		PASS, WARN, FAIL

	}

}
