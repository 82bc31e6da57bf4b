package io.pxwizard.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;

/**
 * The simulated nodes' block devices, as their {@code lsblk --json} would print them:
 * varied by default so the scan has something to say (node-1 an empty SSD beside its root
 * disk, node-2 a formatted and a partitioned disk and swap, node-3 only its root disk); a
 * test sets its own.
 */
public final class SimulatedDisks {

	private final Map<String, String> inventories = new ConcurrentHashMap<>();

	SimulatedDisks() {
		set("node-1", resource("lvm-root-empty-ssd.json"));
		set("node-2", resource("strings-formatted-swap.json"));
		set("node-3", resource("root-only.json"));
	}

	public SimulatedDisks set(String node, String lsblkJson) {
		inventories.put(node, lsblkJson);
		return this;
	}

	/** The inventory of src/test/resources/disks/{@code file}. */
	public static String resource(String file) {
		try {
			return new ClassPathResource("disks/" + file).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String lsblk(String node) {
		return inventories.getOrDefault(node, resource("root-only.json"));
	}

}
