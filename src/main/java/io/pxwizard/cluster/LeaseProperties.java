package io.pxwizard.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Lease that keeps one apply, upgrade, uninstall, verification or disk scan per
 * cluster at a time across px-wizard instances.
 *
 * @param namespace where the Lease lives in the target cluster (every cluster has
 * kube-system)
 * @param name the Lease's name
 * @param duration how long a holder that stopped renewing keeps it (an instance that died
 * mid-apply holds the cluster this long)
 * @param instance this instance's name in the Lease's holder identity; empty: the host's
 * name (a pod's name in Kubernetes) and a random suffix
 */
@ConfigurationProperties("px-wizard.lease")
public record LeaseProperties(@DefaultValue("kube-system") String namespace, @DefaultValue("px-wizard") String name,
		@DefaultValue("30s") Duration duration, @DefaultValue("") String instance) {

	/** The defaults, for tests that build their own. */
	public static LeaseProperties defaults() {
		return new LeaseProperties("kube-system", "px-wizard", Duration.ofSeconds(30), "");
	}

}
