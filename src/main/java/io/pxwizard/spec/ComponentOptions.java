package io.pxwizard.spec;

/**
 * Components the operator deploys next to Portworx ("Advanced Settings").
 *
 * @param stork Stork ({@code stork=true})
 * @param csi CSI ({@code csi=true})
 * @param lighthouse the Lighthouse UI ({@code lh=true})
 * @param monitoring exported metrics ({@code mon=true})
 * @param prometheusOperator a Portworx-managed Prometheus operator ({@code promop=true})
 * @param telemetry telemetry; on unless {@code tel=false}
 */
public record ComponentOptions(boolean stork, boolean csi, boolean lighthouse, boolean monitoring,
		boolean prometheusOperator, boolean telemetry) {
}
