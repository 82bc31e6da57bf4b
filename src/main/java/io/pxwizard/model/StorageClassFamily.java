package io.pxwizard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.ReleaseProfile;
import io.pxwizard.model.StorageClassOptions.StorageClassChoice;

/**
 * {@code sc} ({@code mongodb:px-mongodb:3,redis:px-redis:2}: preset, name and replication
 * factor of each StorageClass) and {@code scdefault} (the one to make the cluster's
 * default). px-wizard's own parameters: they travel in px-wizard's URLs and saved specs
 * but never into a command for install.portworx.com.
 */
final class StorageClassFamily implements OptionFamily<StorageClassOptions> {

	static final String CLASSES = StorageClassOptions.CLASSES_PARAMETER;

	static final String DEFAULT_CLASS = StorageClassOptions.DEFAULT_CLASS_PARAMETER;

	/** Portworx keeps at most three replicas of a volume. */
	static final int MAX_REPLICATION = 3;

	private final PortworxCatalog catalog;

	StorageClassFamily(PortworxCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String name() {
		return OptionFamilies.STORAGE_CLASSES;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(CLASSES, DEFAULT_CLASS);
	}

	@Override
	public boolean writtenByPortworxCentral() {
		return false;
	}

	@Override
	public StorageClassOptions read(SpecParameters state, FieldErrors errors) {
		List<StorageClassChoice> classes = new ArrayList<>();
		String listed = state.trimmed(CLASSES);
		if (!listed.isEmpty() && ParameterRules.withinLength(CLASSES, listed, 1024, errors)) {
			Set<String> names = new HashSet<>();
			Set<String> presets = new HashSet<>();
			for (String entry : listed.split(",", -1)) {
				String[] parts = entry.split(":", -1);
				if (parts.length != 3) {
					errors.reject(CLASSES, "error.sc.format");
					break;
				}
				if (catalog.storageClassPreset(parts[0]).isEmpty() || !presets.add(parts[0])) {
					errors.reject(CLASSES, "error.sc.preset");
					break;
				}
				if (!ParameterRules.DNS_LABEL.matcher(parts[1]).matches()) {
					errors.reject(CLASSES, "error.sc.name");
					break;
				}
				if (!names.add(parts[1])) {
					errors.reject(CLASSES, "error.sc.duplicate", parts[1]);
					break;
				}
				int replication = replication(parts[2]);
				if (replication < 1) {
					errors.reject(CLASSES, "error.sc.replication", MAX_REPLICATION);
					break;
				}
				classes.add(new StorageClassChoice(parts[0], parts[1], replication));
			}
		}
		String defaultClass = state.trimmed(DEFAULT_CLASS);
		if (!defaultClass.isEmpty() && classes.stream().noneMatch((c) -> c.name().equals(defaultClass))) {
			errors.reject(DEFAULT_CLASS, "error.sc.default");
		}
		return new StorageClassOptions(classes, defaultClass);
	}

	private static int replication(String text) {
		if (!text.matches("[1-9]")) {
			return -1;
		}
		int replication = Integer.parseInt(text);
		return (replication <= MAX_REPLICATION) ? replication : -1;
	}

	@Override
	public void write(StorageClassOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (!options.isEmpty()) {
			parameters.put(CLASSES,
					options.classes().stream().map(StorageClassChoice::encoded).collect(Collectors.joining(",")));
		}
		if (!options.defaultClass().isEmpty()) {
			parameters.put(DEFAULT_CLASS, options.defaultClass());
		}
	}

}
