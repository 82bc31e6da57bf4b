package io.pxwizard.model;

import java.util.List;

/**
 * The StorageClasses a spec creates for the platform's databases once Portworx is Online,
 * px-wizard's own addition to what Portworx Central writes.
 *
 * @param classes the classes, in the order given
 * @param defaultClass the name of the one to make the cluster's default StorageClass,
 * empty to leave the default as it is
 */
public record StorageClassOptions(List<StorageClassChoice> classes, String defaultClass) {

	/**
	 * The parameter that lists the classes:
	 * {@code mongodb:px-mongodb:3,redis:px-redis:2}.
	 */
	public static final String CLASSES_PARAMETER = "sc";

	/** The parameter that names the one to make the cluster's default. */
	public static final String DEFAULT_CLASS_PARAMETER = "scdefault";

	public StorageClassOptions {
		classes = List.copyOf(classes);
	}

	public boolean isEmpty() {
		return classes.isEmpty();
	}

	/** The class made from a preset, {@code null} when that preset is not used. */
	public StorageClassChoice of(String preset) {
		return classes.stream().filter((choice) -> choice.preset().equals(preset)).findFirst().orElse(null);
	}

	/**
	 * One StorageClass.
	 *
	 * @param preset the preset it starts from ({@code mongodb})
	 * @param name its name
	 * @param replication its replication factor, 1 to 3
	 */
	public record StorageClassChoice(String preset, String name, int replication) {

		/** {@code mongodb:px-mongodb:3}, as the {@code sc} parameter lists it. */
		String encoded() {
			return preset + ":" + name + ":" + replication;
		}

	}

}
