package io.pxwizard.diskscan;

import java.util.List;

/**
 * What the Node object says of a node, without running anything on it, against Portworx's
 * minimums.
 *
 * @param name the node
 * @param kernel the kernel version
 * @param osImage the OS image
 * @param containerRuntime the container runtime and its version
 * @param cpu cores (capacity)
 * @param memory bytes (capacity)
 * @param schedulable not cordoned
 * @param shortfalls what falls short of the release's minimums or makes the node
 * unusable, in words
 */
public record NodeFacts(String name, String kernel, String osImage, String containerRuntime, double cpu, long memory,
		boolean schedulable, List<String> shortfalls) {

	public NodeFacts {
		shortfalls = List.copyOf(shortfalls);
	}

	public String humanMemory() {
		return String.format(java.util.Locale.ROOT, "%.1f GiB", memory / (1024.0 * 1024 * 1024));
	}

}
