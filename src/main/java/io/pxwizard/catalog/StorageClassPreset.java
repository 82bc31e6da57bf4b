package io.pxwizard.catalog;

import java.util.Map;

/**
 * A StorageClass px-wizard offers for one of the platform's databases
 * ({@code px.storage-class-presets}): Portworx's CSI provisioner with the parameters
 * Portworx documents for that use.
 *
 * @param id the preset's key in the spec ({@code mongodb})
 * @param name the StorageClass's name unless the administrator renames it
 * @param replication the replication factor ({@code repl}) unless changed
 * @param parameters the other StorageClass parameters
 * @param source where Portworx documents them
 */
public record StorageClassPreset(String id, String name, int replication, Map<String, String> parameters,
		String source) {

	public StorageClassPreset {
		parameters = Map.copyOf(parameters);
	}

}
