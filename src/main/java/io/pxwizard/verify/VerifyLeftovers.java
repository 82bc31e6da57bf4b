package io.pxwizard.verify;

import java.time.Instant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRuns;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterConnection.ClusterChanged;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The claim and pod of a verification that a stopped px-wizard left behind (found by
 * their label) are deleted at start and on every connect, unless a verification of this
 * process is running there.
 */
@Component
class VerifyLeftovers {

	private static final Logger logger = LoggerFactory.getLogger(VerifyLeftovers.class);

	private final ClusterConnection connection;

	private final ApplyRuns runs;

	private final VerifyProperties properties;

	VerifyLeftovers(ClusterConnection connection, ApplyRuns runs, VerifyProperties properties) {
		this.connection = connection;
		this.runs = runs;
		this.properties = properties;
	}

	private static boolean olderThan(HasMetadata object, Instant before) {
		String created = object.getMetadata().getCreationTimestamp();
		return created == null || Instant.parse(created).isBefore(before);
	}

	@EventListener(ApplicationReadyEvent.class)
	void removeAtStart() {
		connection.current().ifPresent(this::remove);
	}

	@EventListener
	void removeOnConnect(ClusterChanged change) {
		if (change.now() != null) {
			connection.current().ifPresent(this::remove);
		}
	}

	private void remove(ConnectedCluster cluster) {
		boolean verifying = runs.running(cluster.info())
			.filter((run) -> run.action() == ApplyRun.Action.VERIFY)
			.isPresent();
		if (verifying) {
			return;
		}
		// Only what is older than a whole verification: another px-wizard on the same
		// cluster may be verifying right now.
		remove(cluster, Instant.now().minus(properties.timeout()));
	}

	/** Deletes the labelled pods and claims created before the given time. */
	void remove(ConnectedCluster cluster, Instant before) {
		try {
			int pods = 0;
			for (Pod pod : cluster.client()
				.pods()
				.inAnyNamespace()
				.withLabel(StorageVerifier.TASK_LABEL, StorageVerifier.TASK)
				.list()
				.getItems()) {
				if (olderThan(pod, before)) {
					pods += cluster.client().resource(pod).delete().size();
				}
			}
			int claims = 0;
			for (PersistentVolumeClaim claim : cluster.client()
				.persistentVolumeClaims()
				.inAnyNamespace()
				.withLabel(StorageVerifier.TASK_LABEL, StorageVerifier.TASK)
				.list()
				.getItems()) {
				if (olderThan(claim, before)) {
					claims += cluster.client().resource(claim).delete().size();
				}
			}
			if (pods + claims > 0) {
				logger.info(
						"Removed {} pod(s) and {} claim(s) of a storage verification an earlier px-wizard left in {}",
						pods, claims, cluster.info().server());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look for leftover storage verifications on {}: {}", cluster.info().server(),
					ex.getMessage());
		}
	}

}
