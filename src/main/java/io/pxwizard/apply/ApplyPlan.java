package io.pxwizard.apply;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pxwizard.catalog.UpgradePath;

/**
 * What Apply writes, in its two phases: the operator's objects, then (once the operator
 * has registered the StorageCluster type) the cluster spec's.
 *
 * @param operatorObjects what {@code ?comp=pxoperator} holds
 * @param clusterObjects what the spec URL holds: the StorageCluster and, for Essentials,
 * its Secret
 * @param namespace where the operator and the StorageCluster live
 * @param upgradePaths the upgrades Portworx does not support in one step, for applying
 * over a running release
 * @param storageClassObjects px-wizard's own StorageClasses, applied once the
 * StorageCluster is Online
 */
public record ApplyPlan(List<HasMetadata> operatorObjects, List<HasMetadata> clusterObjects, String namespace,
		List<UpgradePath> upgradePaths, List<HasMetadata> storageClassObjects) {

	public ApplyPlan {
		operatorObjects = List.copyOf(operatorObjects);
		clusterObjects = List.copyOf(clusterObjects);
		upgradePaths = List.copyOf(upgradePaths);
		storageClassObjects = List.copyOf(storageClassObjects);
	}

	/** A plan with no upgrade path to keep to and no StorageClass. */
	public ApplyPlan(List<HasMetadata> operatorObjects, List<HasMetadata> clusterObjects, String namespace) {
		this(operatorObjects, clusterObjects, namespace, List.of(), List.of());
	}

	/** A plan with no StorageClass. */
	public ApplyPlan(List<HasMetadata> operatorObjects, List<HasMetadata> clusterObjects, String namespace,
			List<UpgradePath> upgradePaths) {
		this(operatorObjects, clusterObjects, namespace, upgradePaths, List.of());
	}

}
