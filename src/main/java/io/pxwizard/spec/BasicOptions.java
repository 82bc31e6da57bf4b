package io.pxwizard.spec;

/**
 * The Basic page apart from edition and key-value store.
 *
 * @param operator "Use the Portworx Operator" ({@code operator=true}); without it the spec is the legacy DaemonSet
 * @param kubernetesVersion {@code kbver=}, empty when not given
 */
public record BasicOptions(boolean operator, String kubernetesVersion) {
}
