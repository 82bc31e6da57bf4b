package io.pxwizard.apply;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterLease;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.cluster.ClusterLease.Claim;
import io.pxwizard.cluster.ClusterLease.Holder;
import io.pxwizard.cluster.ClusterInfo;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import io.pxwizard.apply.ApplyLine.Status;
import io.pxwizard.model.InstallSpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts applies in the background and keeps the recent ones for their pages. Only one
 * run goes on per cluster at a time: on this instance by a map, across instances by the
 * cluster's {@link ClusterLease}. A run this instance did not start (another replica's)
 * is read from the {@link RunArchive}.
 */
@Component
public class ApplyRuns implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ApplyRuns.class);

	private static final int KEPT = 50;

	private final ClusterConnection connection;

	private final ManifestSource source;

	private final Installer installer;

	private final ObjectProvider<ApplyRunListener> listeners;

	private final ClusterLease lease;

	/**
	 * How long a run waits for a disk scan that holds the cluster: the scan's own
	 * timeout.
	 */
	private final Duration scanWait;

	private static final Duration SCAN_POLL = Duration.ofSeconds(1);

	private final ObjectProvider<RunArchive> archive;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "px-apply");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, ApplyRun> runs = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ApplyRun> eldest) {
			return size() > KEPT && !eldest.getValue().isRunning();
		}
	});

	private final Map<String, ApplyRun> runningByCluster = new ConcurrentHashMap<>();

	ApplyRuns(ClusterConnection connection, ManifestSource source, Installer installer, ClusterLease lease,
			ObjectProvider<ApplyRunListener> listeners, ObjectProvider<RunArchive> archive,
			ClusterProperties properties) {
		this.lease = lease;
		this.scanWait = properties.scanTimeout().plus(lease.duration());
		this.archive = archive;
		this.connection = connection;
		this.source = source;
		this.installer = installer;
		this.listeners = listeners;
	}

	/**
	 * Starts applying, or says why not: no cluster, or another run still going on it.
	 */
	public Start start(InstallSpec spec, Map<String, String> parameters, String query, String specUrl, String namespace,
			boolean dryRun, boolean local) {
		return start(new Order(spec, parameters, query, specUrl, namespace, dryRun, local, ""), installer::apply);
	}

	/**
	 * Starts an operation on the connected cluster with the plan of the order's spec, or
	 * says why not. Applies, upgrades and uninstalls share the one-at-a-time rule.
	 */
	public Start start(Order order, Operation operation) {
		Optional<ConnectedCluster> connected = connection.current();
		if (connected.isEmpty()) {
			return new Start.NoCluster();
		}
		ConnectedCluster cluster = connected.get();
		if (!cluster.acquire()) {
			// Switched away from between the two lines above: the caller asks again.
			return new Start.NoCluster();
		}
		if (order.confirmedCluster() != null && !order.confirmedCluster().equals(cluster.info())) {
			// Confirmed for another cluster than the one now connected.
			cluster.release();
			return new Start.Switched(cluster.info());
		}
		String key = key(cluster.info());
		ApplyRun run = new ApplyRun(UUID.randomUUID().toString(), (order.spec() != null) ? order.spec().version() : "",
				order.parameters(), order.query(), order.specUrl(), order.namespace(), order.dryRun(), order.local(),
				cluster.info());
		run.startedBy(order.actor());
		run.describeAs(order.action(), null, null);
		ApplyRun running = runningByCluster.putIfAbsent(key, run);
		if (running != null) {
			cluster.release();
			return new Start.Busy(running.id(), new Holder(lease.instance(), running.id(), running.action().name(),
					running.actor(), running.started(), Instant.now()));
		}
		// Recorded before the Lease names it, so every run a Lease names can be shown by
		// any instance.
		runs.put(run.id(), run);
		announce(run);
		ClusterLease.Held held = null;
		try {
			Claim claim = lease.acquire(cluster.client(), run.id(), run.action().name(), run.actor());
			if (claim instanceof Claim.HeldBy other && !other.holder().isScan()) {
				runs.remove(run.id());
				tell((listener) -> listener.refused(run));
				runningByCluster.remove(key, run);
				cluster.release();
				return new Start.Busy(other.holder().runId(), other.holder());
			}
			if (claim instanceof Claim.Taken taken) {
				held = taken.held();
				taken.expired()
					.ifPresent((dead) -> tell((listener) -> listener.abandoned(dead.runId(), dead.instance())));
			}
			// Else a disk scan holds the cluster for a few seconds: the run waits for it.
		}
		catch (KubernetesClientException ex) {
			// No right to Leases, or the cluster does not answer: the run says so and
			// ends.
			run.add(new ApplyLine(lease.describe(), "could not be taken: " + ApplyFailure.describe(ex), Status.FAILED));
			run.finish(ApplyRun.State.FAILED);
			runningByCluster.remove(key, run);
			cluster.release();
			tell((listener) -> listener.finished(run));
			return new Start.Started(run);
		}
		try {
			execute(run, order, operation, cluster, key, held);
		}
		catch (RejectedExecutionException ex) {
			// Only when px-wizard is shutting down: give the run, the Lease and the
			// client
			// back.
			runningByCluster.remove(key, run);
			runs.remove(run.id());
			if (held != null) {
				held.release();
			}
			cluster.release();
			throw new IllegalStateException("px-wizard is shutting down", ex);
		}
		return new Start.Started(run);
	}

	/** Tells the listeners that the run started, and of each of its lines from now on. */
	private void announce(ApplyRun run) {
		tell((listener) -> listener.started(run, lease.instance()));
		run.observe((position, line) -> tell((listener) -> listener.lineWritten(run, position, line)));
	}

	private void execute(ApplyRun run, Order order, Operation operation, ConnectedCluster cluster, String key,
			ClusterLease.Held taken) {
		executor.execute(() -> {
			// The whole run uses the client it started with, even if the connection is
			// switched meanwhile.
			ClusterLease.Held held = (taken != null) ? taken : afterTheScan(run, cluster.client());
			try {
				if (held == null) {
					return;
				}
				run.beforeEnd(held::release);
				// A run without a spec (Verify storage) has no plan.
				operation.run(run, cluster.client(),
						(order.spec() != null) ? source.plan(order.spec(), order.local(), cluster.client()) : null);
			}
			catch (ManifestSource.FetchFailed ex) {
				run.add(new ApplyLine(ex.url(), ex.getMessage(), Status.FAILED));
				run.finish(ApplyRun.State.FAILED);
			}
			catch (RuntimeException ex) {
				// Not install.portworx.com's fault nor the cluster's: say what it was,
				// and keep the trace in the log.
				logger.error("Run {} failed unexpectedly", run.id(), ex);
				run.add(new ApplyLine("px-wizard",
						"internal error: " + ex.getClass().getSimpleName()
								+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + " (see px-wizard's log)",
						Status.FAILED));
				run.finish(ApplyRun.State.FAILED);
			}
			finally {
				if (held != null) {
					held.release();
				}
				runningByCluster.remove(key, run);
				cluster.release();
				tell((listener) -> listener.finished(run));
			}
		});
	}

	/**
	 * Waits, with a line that says so, until the disk scan that holds the cluster's Lease
	 * has ended, and takes it; {@code null} (the run failed) when something else took it
	 * meanwhile, the scan outlasts its own timeout, or the Lease cannot be read.
	 */
	private ClusterLease.Held afterTheScan(ApplyRun run, KubernetesClient client) {
		Instant deadline = Instant.now().plus(scanWait);
		try {
			while (true) {
				Claim claim = lease.acquire(client, run.id(), run.action().name(), run.actor());
				if (claim instanceof Claim.Taken taken) {
					run.add(new ApplyLine(lease.describe(), "acquired", Status.DONE));
					return taken.held();
				}
				Holder holder = ((Claim.HeldBy) claim).holder();
				if (!holder.isScan() || Instant.now().isAfter(deadline)) {
					run.add(new ApplyLine(lease.describe(), "held by px-wizard instance " + holder.instance() + " ("
							+ holder.action().toLowerCase(Locale.ROOT) + ")", Status.FAILED));
					break;
				}
				run.add(new ApplyLine(lease.describe(),
						"waiting for the disk scan on px-wizard instance " + holder.instance() + " to end",
						Status.WAITING));
				Thread.sleep(SCAN_POLL.toMillis());
			}
		}
		catch (KubernetesClientException ex) {
			run.add(new ApplyLine(lease.describe(), "could not be taken: " + ApplyFailure.describe(ex), Status.FAILED));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.add(new ApplyLine(lease.describe(), "interrupted: px-wizard is stopping", Status.FAILED));
		}
		run.finish(ApplyRun.State.FAILED);
		return null;
	}

	/**
	 * Tells every listener; a run interrupted by px-wizard's shutdown may end after the
	 * listeners are gone, which costs its record, not an exception in its thread.
	 */
	private void tell(Consumer<ApplyRunListener> message) {
		try {
			listeners.orderedStream().forEach(message);
		}
		catch (BeansException ex) {
			logger.warn("A run's listeners are gone (px-wizard is stopping): {}", ex.getMessage());
		}
	}

	/** Who asks: the signed-in user's name, empty when no login is needed. */
	public static String actor(Principal principal) {
		return (principal != null) ? principal.getName() : "";
	}

	/** The run going on on a cluster now, if any. */
	public Optional<ApplyRun> running(ClusterInfo cluster) {
		return Optional.ofNullable(runningByCluster.get(key(cluster)));
	}

	private static String key(ClusterInfo cluster) {
		return cluster.server() + " " + cluster.context();
	}

	/**
	 * Who holds the connected cluster's Lease for a run, when the Lease names that run
	 * (and has not expired); empty otherwise or when the Lease cannot be read.
	 */
	public Optional<Holder> holderOf(String runId) {
		try {
			return connection.current()
				.flatMap((cluster) -> lease.holder(cluster.client()))
				.filter((holder) -> holder.runId().equals(runId));
		}
		catch (KubernetesClientException ex) {
			return Optional.empty();
		}
	}

	/** A run by its id: this instance's, else as the database holds it. */
	public Optional<ApplyRun> get(String id) {
		ApplyRun run = runs.get(id);
		if (run != null) {
			return Optional.of(run);
		}
		RunArchive recorded = archive.getIfAvailable();
		return (recorded != null) ? recorded.find(id) : Optional.empty();
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	/**
	 * What to run and on which spec.
	 *
	 * @param spec the spec whose plan the operation gets, {@code null} for none
	 * @param parameters its parameters, to run it again from a form
	 * @param query its canonical query
	 * @param specUrl its page
	 * @param namespace where its objects live
	 * @param dryRun whether nothing is written
	 * @param local whether the plan is rendered here rather than fetched
	 * @param actor who asked, empty when no login is needed
	 * @param action what the run does, as far as it is known before it looks at the
	 * cluster
	 * @param confirmedCluster the cluster the administrator confirmed it for,
	 * {@code null} when any connected one will do
	 */
	public record Order(InstallSpec spec, Map<String, String> parameters, String query, String specUrl,
			String namespace, boolean dryRun, boolean local, String actor, ApplyRun.Action action,
			ClusterInfo confirmedCluster) {

		/** An apply on whatever cluster is connected. */
		public Order(InstallSpec spec, Map<String, String> parameters, String query, String specUrl, String namespace,
				boolean dryRun, boolean local, String actor) {
			this(spec, parameters, query, specUrl, namespace, dryRun, local, actor, ApplyRun.Action.APPLY, null);
		}

	}

	/** What a run does with the cluster's client and the spec's plan; never throws. */
	@FunctionalInterface
	public interface Operation {

		void run(ApplyRun run, KubernetesClient client, ApplyPlan plan);

	}

	/** What asking for an apply led to. */
	public sealed interface Start {

		/** The apply is under way. */
		record Started(ApplyRun run) implements Start {
		}

		/**
		 * Another run is going on on this cluster, on this instance or another.
		 *
		 * @param runId its id (its page is on every instance)
		 * @param holder who holds the cluster for it
		 */
		record Busy(String runId, Holder holder) implements Start {
		}

		/** No cluster is connected. */
		record NoCluster() implements Start {
		}

		/**
		 * The connection was switched to another cluster since the order was confirmed.
		 */
		record Switched(ClusterInfo now) implements Start {
		}

	}

}
