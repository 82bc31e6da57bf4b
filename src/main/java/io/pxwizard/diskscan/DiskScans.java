package io.pxwizard.diskscan;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterLease;
import io.pxwizard.cluster.ClusterLease.Claim;
import io.pxwizard.cluster.ClusterLease.Held;
import io.pxwizard.disks.ScanSummary;
import io.pxwizard.cluster.ClusterConnection.ClusterChanged;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Disk scans of the connected cluster: one at a time per cluster, the last result of each
 * spec kept so Apply can ask for a confirmation when it failed, and the leftovers of an
 * earlier px-wizard removed when a cluster is connected.
 */
@Component
public class DiskScans {

	private static final Logger logger = LoggerFactory.getLogger(DiskScans.class);

	private final ClusterConnection connection;

	private final DiskScanner scanner;

	private final SpecQuery specQuery;

	/** The last scan by cluster and spec. */
	private final Map<String, DiskScan> last = new ConcurrentHashMap<>();

	private final ClusterLease lease;

	DiskScans(ClusterConnection connection, DiskScanner scanner, SpecQuery specQuery, ClusterLease lease) {
		this.lease = lease;
		this.connection = connection;
		this.scanner = scanner;
		this.specQuery = specQuery;
	}

	/** Scans the connected cluster for a spec; empty without a cluster. */
	public Optional<DiskScan> scan(InstallSpec spec) {
		Optional<ConnectedCluster> cluster = connection.current();
		if (cluster.isEmpty() || !cluster.get().acquire()) {
			return Optional.empty();
		}
		try {
			DiskScan scan;
			// One scan per cluster at a time: a second viewer waits for the first rather
			// than doubling the pods.
			synchronized (cluster.get()) {
				// And one operation per cluster across px-wizard instances: the scan's
				// privileged pods are not started while another instance applies or
				// uninstalls.
				Claim claim;
				try {
					claim = lease.acquire(cluster.get().client(), "scan-" + UUID.randomUUID(), ClusterLease.SCAN, "");
				}
				catch (KubernetesClientException ex) {
					return Optional.of(refused(spec, lease.describe() + " could not be taken: " + ex.getMessage()));
				}
				if (claim instanceof Claim.HeldBy held) {
					return Optional.of(refused(spec, "the cluster is busy: px-wizard instance "
							+ held.holder().instance() + " holds " + lease.describe() + " for a run ("
							+ held.holder().action().toLowerCase(Locale.ROOT) + "); scan again when it has ended"));
				}
				Held mine = ((Claim.Taken) claim).held();
				try {
					scan = scanner.scan(cluster.get().client(), spec, specQuery.namespace(spec));
				}
				finally {
					mine.release();
				}
			}
			last.put(key(cluster.get(), spec), scan);
			return Optional.of(scan);
		}
		finally {
			cluster.get().release();
		}
	}

	/**
	 * A scan that did not run, in the scan's own words; not kept as the spec's last scan
	 * (it says nothing about the disks).
	 */
	private DiskScan refused(InstallSpec spec, String why) {
		return new DiskScan(new ScanSummary(List.of()), List.of(), List.of(why), specQuery.namespace(spec),
				scanner.image(spec), Instant.now());
	}

	/** The last scan of this spec on the connected cluster, if one ran. */
	public Optional<DiskScan> last(InstallSpec spec) {
		return connection.current().map((cluster) -> last.get(key(cluster, spec)));
	}

	@EventListener(ApplicationReadyEvent.class)
	void removeLeftoversAtStart() {
		removeLeftovers();
	}

	@EventListener
	void removeLeftoversOnConnect(ClusterChanged change) {
		if (change.now() != null) {
			removeLeftovers();
		}
	}

	private void removeLeftovers() {
		connection.current().ifPresent((cluster) -> {
			try {
				int removed = scanner.removeLeftovers(cluster.client());
				if (removed > 0) {
					logger.info("Removed {} disk scan(s) an earlier px-wizard left in {}", removed,
							cluster.info().server());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not look for leftover disk scans on {}: {}", cluster.info().server(),
						ex.getMessage());
			}
		});
	}

	private String key(ConnectedCluster cluster, InstallSpec spec) {
		return cluster.info().server() + " " + cluster.info().context() + " " + spec.version() + "?"
				+ specQuery.queryString(spec);
	}

}
