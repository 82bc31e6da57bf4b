package io.pxwizard.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.StorageClassPreset;
import io.pxwizard.model.StorageClassOptions;
import io.pxwizard.model.StorageClassOptions.StorageClassChoice;

import org.springframework.stereotype.Component;

/**
 * The StorageClasses of a spec: Portworx's CSI provisioner with the preset's parameters
 * and the replication factor chosen, volume expansion allowed (Portworx's resize needs
 * it), and the default-class annotation on the one chosen.
 */
@Component
public class StorageClassManifest {

	/** The label that says px-wizard wrote a StorageClass. */
	public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

	private static final String IO_PROFILE = "io_profile";

	/** Portworx's db_remote applies only with two replicas or more. */
	private static final String REMOTE_DB_PROFILE = "db_remote";

	private final PortworxCatalog catalog;

	StorageClassManifest(PortworxCatalog catalog) {
		this.catalog = catalog;
	}

	public List<HasMetadata> objects(StorageClassOptions options) {
		return options.classes().stream().map((choice) -> storageClass(choice, options.defaultClass())).toList();
	}

	private HasMetadata storageClass(StorageClassChoice choice, String defaultClass) {
		StorageClassPreset preset = catalog.storageClassPreset(choice.preset()).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("repl", String.valueOf(choice.replication()));
		preset.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			boolean remote = IO_PROFILE.equals(entry.getKey()) && REMOTE_DB_PROFILE.equals(entry.getValue());
			parameters.put(entry.getKey(), (remote && choice.replication() < 2) ? "auto" : entry.getValue());
		});
		StorageClassBuilder builder = new StorageClassBuilder().withNewMetadata()
			.withName(choice.name())
			.addToLabels(MANAGED_BY, "px-wizard")
			.endMetadata()
			.withProvisioner(PortworxApi.CSI_PROVISIONER)
			.withParameters(parameters)
			.withAllowVolumeExpansion(true);
		if (choice.name().equals(defaultClass)) {
			builder.editMetadata().addToAnnotations(PortworxApi.DEFAULT_CLASS_ANNOTATION, "true").endMetadata();
		}
		return builder.build();
	}

}
