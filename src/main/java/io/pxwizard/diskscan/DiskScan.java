package io.pxwizard.diskscan;

import java.time.Instant;
import java.util.List;

import io.pxwizard.disks.ScanSummary;

/**
 * A disk scan's outcome.
 *
 * @param summary every node's devices that answered, and the cluster's verdict
 * @param nodes the Node objects' facts
 * @param failures why the scan could not run, or which nodes did not answer, in words
 * @param namespace where its DaemonSet ran
 * @param image the image it ran, as the nodes pulled it
 * @param finished when it ended
 */
public record DiskScan(ScanSummary summary, List<NodeFacts> nodes, List<String> failures, String namespace,
		String image, Instant finished) {

	public DiskScan {
		nodes = List.copyOf(nodes);
		failures = List.copyOf(failures);
	}

	/**
	 * Whether it never reached the nodes (they could not be listed, or the cluster was
	 * busy): then the failures say why and there is no verdict on the disks to show.
	 */
	public boolean didNotRun() {
		return nodes.isEmpty() && !failures.isEmpty();
	}

	/**
	 * Fail when the scan could not run at all or no node has a disk; warn with fewer than
	 * three.
	 */
	public ScanSummary.Verdict verdict() {
		if (summary.nodes().isEmpty()) {
			return ScanSummary.Verdict.FAIL;
		}
		ScanSummary.Verdict disks = summary.verdict();
		return (disks == ScanSummary.Verdict.PASS && !failures.isEmpty()) ? ScanSummary.Verdict.WARN : disks;
	}

}
