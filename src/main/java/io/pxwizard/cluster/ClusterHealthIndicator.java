package io.pxwizard.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The cluster connection in {@code /actuator/health}: up with the server and context,
 * down when unreachable, unknown without one. Not part of the liveness or readiness
 * groups: a lost cluster must not restart px-wizard.
 */
@Component("cluster")
class ClusterHealthIndicator implements HealthIndicator {

	private final ClusterConnection connection;

	ClusterHealthIndicator(ClusterConnection connection) {
		this.connection = connection;
	}

	@Override
	public Health health() {
		return connection.current().map((cluster) -> {
			try {
				String version = cluster.client().getKubernetesVersion().getGitVersion();
				return Health.up()
					.withDetail("server", cluster.info().server())
					.withDetail("context", cluster.info().context())
					.withDetail("version", String.valueOf(version))
					.build();
			}
			catch (KubernetesClientException ex) {
				return Health.down().withDetail("server", cluster.info().server()).build();
			}
		}).orElseGet(() -> Health.unknown().withDetail("cluster", "none").build());
	}

}
