package io.pxwizard.model;

/**
 * The Basic page apart from edition and key-value store.
 *
 * @param operator "Use the Portworx Operator" ({@code operator=true}); without it the
 * spec is the legacy DaemonSet
 * @param kubernetesVersion {@code kbver=}, empty when not given
 * @param kubernetesVersionGiven whether the URL has {@code kbver=} at all (Portworx
 * Central writes it even empty)
 */
public record BasicOptions(boolean operator, String kubernetesVersion, boolean kubernetesVersionGiven) {
}
