package io.pxwizard.uninstall;

import java.util.Arrays;
import java.util.Optional;

import io.pxwizard.apply.ApplyRun;

/**
 * The StorageCluster's {@code spec.deleteStrategy.type} (libopenstorage/operator
 * {@code pkg/apis/core/v1/storagecluster.go}): what the operator does to the nodes when
 * the StorageCluster is deleted. Without one it removes nothing from the nodes, so
 * px-wizard always sets one first.
 */
public enum DeleteStrategy {

	/** Removes Portworx from every node and keeps its data on the disks. */
	UNINSTALL("Uninstall", ApplyRun.Action.UNINSTALL),

	/** Also erases Portworx's data and configuration from every node's disks. */
	UNINSTALL_AND_WIPE("UninstallAndWipe", ApplyRun.Action.UNINSTALL_AND_WIPE);

	private final String type;

	private final ApplyRun.Action action;

	DeleteStrategy(String type, ApplyRun.Action action) {
		this.type = type;
		this.action = action;
	}

	/** The value the operator reads. */
	public String type() {
		return type;
	}

	ApplyRun.Action action() {
		return action;
	}

	public boolean wipes() {
		return this == UNINSTALL_AND_WIPE;
	}

	/** The strategy a StorageCluster's {@code spec.deleteStrategy.type} names. */
	static Optional<DeleteStrategy> ofType(String type) {
		return Arrays.stream(values()).filter((strategy) -> strategy.type.equals(type)).findFirst();
	}

}
