package io.pxwizard.diskscan;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.pxwizard.cluster.ClusterConnection;
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

	DiskScans(ClusterConnection connection, DiskScanner scanner, SpecQuery specQuery) {
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
				scan = scanner.scan(cluster.get().client(), spec, specQuery.namespace(spec));
			}
			last.put(key(cluster.get(), spec), scan);
			return Optional.of(scan);
		}
		finally {
			cluster.get().release();
		}
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
