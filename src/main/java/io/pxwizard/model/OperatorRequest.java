package io.pxwizard.model;

import io.pxwizard.catalog.PortworxRelease;

/**
 * What {@code ?comp=pxoperator} asks for: the operator of a release, for a Kubernetes
 * version, in a namespace, from a registry.
 *
 * @param release the Portworx release the operator is paired with
 * @param kubernetesVersion {@code kbver=}, empty when unknown
 * @param namespace {@code ns=}, empty for the default
 * @param registry {@code reg=} and {@code rsec=}
 */
public record OperatorRequest(PortworxRelease release, String kubernetesVersion, String namespace,
		RegistryOptions registry) {
}
