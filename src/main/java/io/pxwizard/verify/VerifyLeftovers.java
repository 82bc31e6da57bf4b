package io.pxwizard.verify;

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

	VerifyLeftovers(ClusterConnection connection, ApplyRuns runs) {
		this.connection = connection;
		this.runs = runs;
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
		try {
			int pods = cluster.client()
				.pods()
				.inAnyNamespace()
				.withLabel(StorageVerifier.TASK_LABEL, StorageVerifier.TASK)
				.delete()
				.size();
			int claims = cluster.client()
				.persistentVolumeClaims()
				.inAnyNamespace()
				.withLabel(StorageVerifier.TASK_LABEL, StorageVerifier.TASK)
				.delete()
				.size();
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
