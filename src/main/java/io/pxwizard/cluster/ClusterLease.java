package io.pxwizard.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One operation per cluster at a time across px-wizard instances: a
 * {@code coordination.k8s.io/v1} Lease in the target cluster, as Kubernetes' own
 * controllers elect a leader. The holder renews it while its operation runs and clears it
 * at the end; a holder that stopped renewing (its instance died) loses it once
 * {@code leaseDurationSeconds} have passed since its {@code renewTime}. Every write is
 * conditional on the Lease's resourceVersion, so of two instances that race, one wins and
 * the other sees who holds it.
 */
@Component
public class ClusterLease implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ClusterLease.class);

	static final String RUN = "px-wizard.io/run";

	static final String ACTION = "px-wizard.io/action";

	static final String ACTOR = "px-wizard.io/actor";

	/** The action a disk scan names: a few seconds' hold, which a run waits for. */
	public static final String SCAN = "SCAN";

	private final LeaseProperties properties;

	private final String instance;

	private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "px-lease-renewal");
		thread.setDaemon(true);
		return thread;
	});

	public ClusterLease(LeaseProperties properties) {
		this.properties = properties;
		this.instance = properties.instance().isBlank() ? defaultInstance() : properties.instance();
	}

	/** This instance's name, as other instances read it in the Lease. */
	public String instance() {
		return instance;
	}

	/** How long a holder that stopped renewing keeps the Lease. */
	public Duration duration() {
		return properties.duration();
	}

	/** Where the Lease lives, as kubectl names it. */
	public String describe() {
		return "lease " + properties.namespace() + "/" + properties.name();
	}

	/**
	 * Takes the cluster's Lease for a run, or says who holds it.
	 * @throws KubernetesClientException when the Lease cannot be read or written (no
	 * cluster, or no right to Leases)
	 */
	public Claim acquire(KubernetesClient client, String runId, String action, String actor) {
		Lease current = leases(client).get();
		Instant now = Instant.now();
		Holder previous = null;
		if (current != null) {
			Optional<Holder> holder = holder(current);
			if (holder.isPresent() && !isExpired(current, now)) {
				return new Claim.HeldBy(holder.get());
			}
			previous = holder.orElse(null);
		}
		Lease mine = lease(current, runId, action, actor, now);
		try {
			Lease written = (current == null) ? namespaced(client).resource(mine).create()
					: namespaced(client).resource(mine).update();
			Held held = new Held(client, written, runId);
			held.renewal = renewals.scheduleWithFixedDelay(held::renew, renewEvery().toMillis(),
					renewEvery().toMillis(), TimeUnit.MILLISECONDS);
			return new Claim.Taken(held, Optional.ofNullable(previous));
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 409) {
				// Another instance wrote it between our read and our write.
				Lease winner = leases(client).get();
				Optional<Holder> holder = (winner != null) ? holder(winner) : Optional.empty();
				if (holder.isPresent()) {
					return new Claim.HeldBy(holder.get());
				}
			}
			throw ex;
		}
	}

	private Duration renewEvery() {
		return properties.duration().dividedBy(3);
	}

	private Resource<Lease> leases(KubernetesClient client) {
		return namespaced(client).withName(properties.name());
	}

	private NonNamespaceOperation<Lease, LeaseList, Resource<Lease>> namespaced(KubernetesClient client) {
		return client.leases().inNamespace(properties.namespace());
	}

	private Lease lease(Lease current, String runId, String action, String actor, Instant now) {
		Map<String, String> annotations = new HashMap<>();
		annotations.put(RUN, runId);
		annotations.put(ACTION, action);
		annotations.put(ACTOR, (actor != null) ? actor : "");
		int transitions = (current != null && current.getSpec() != null
				&& current.getSpec().getLeaseTransitions() != null) ? current.getSpec().getLeaseTransitions() + 1 : 0;
		return new LeaseBuilder().withNewMetadata()
			.withNamespace(properties.namespace())
			.withName(properties.name())
			.withResourceVersion((current != null) ? current.getMetadata().getResourceVersion() : null)
			.withAnnotations(annotations)
			.addToLabels("app.kubernetes.io/managed-by", "px-wizard")
			.endMetadata()
			.withNewSpec()
			.withHolderIdentity(instance)
			.withLeaseDurationSeconds((int) Math.max(1, properties.duration().toSeconds()))
			.withAcquireTime(utc(now))
			.withRenewTime(utc(now))
			.withLeaseTransitions(transitions)
			.endSpec()
			.build();
	}

	private static boolean isExpired(Lease lease, Instant now) {
		ZonedDateTime renewed = lease.getSpec().getRenewTime();
		Integer seconds = lease.getSpec().getLeaseDurationSeconds();
		return renewed == null || seconds == null || renewed.toInstant().plusSeconds(seconds).isBefore(now);
	}

	/** Who holds the cluster's Lease now, if anyone does and it has not expired. */
	public Optional<Holder> holder(KubernetesClient client) {
		Lease current = leases(client).get();
		return (current == null || isExpired(current, Instant.now())) ? Optional.empty() : holder(current);
	}

	/** Who holds a Lease, if anyone does (a released one has no holder). */
	static Optional<Holder> holder(Lease lease) {
		if (lease.getSpec() == null || lease.getSpec().getHolderIdentity() == null
				|| lease.getSpec().getHolderIdentity().isBlank()) {
			return Optional.empty();
		}
		Map<String, String> annotations = Optional.ofNullable(lease.getMetadata().getAnnotations()).orElse(Map.of());
		ZonedDateTime renewed = lease.getSpec().getRenewTime();
		ZonedDateTime acquired = lease.getSpec().getAcquireTime();
		return Optional.of(new Holder(lease.getSpec().getHolderIdentity(), annotations.getOrDefault(RUN, ""),
				annotations.getOrDefault(ACTION, ""), annotations.getOrDefault(ACTOR, ""),
				(acquired != null) ? acquired.toInstant() : null, (renewed != null) ? renewed.toInstant() : null));
	}

	private static ZonedDateTime utc(Instant instant) {
		return instant.atZone(ZoneOffset.UTC);
	}

	private static String defaultInstance() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				host = "px-wizard";
			}
		}
		byte[] suffix = new byte[3];
		new SecureRandom().nextBytes(suffix);
		return host + "-" + HexFormat.of().formatHex(suffix);
	}

	@Override
	public void destroy() {
		renewals.shutdownNow();
	}

	/**
	 * Who holds a cluster's Lease.
	 *
	 * @param instance the px-wizard instance
	 * @param runId the run it holds it for (its page is {@code /apply/runs/{runId}} on
	 * any instance)
	 * @param action what the run does
	 * @param actor who started it, empty when no login is needed
	 * @param acquired when it was taken
	 * @param renewed when it was last renewed
	 */
	public record Holder(String instance, String runId, String action, String actor, Instant acquired,
			Instant renewed) {

		/** A disk scan's hold: short, and with no run page. */
		public boolean isScan() {
			return SCAN.equals(action);
		}

	}

	/** What asking for the Lease led to. */
	public sealed interface Claim {

		/**
		 * Taken; {@code expired} is the holder whose Lease had run out (its instance died
		 * mid-run).
		 */
		record Taken(Held held, Optional<Holder> expired) implements Claim {
		}

		/** Another run holds it. */
		record HeldBy(Holder holder) implements Claim {
		}

	}

	/** A Lease this instance holds: renewed until {@link #release()}. */
	public final class Held {

		private final KubernetesClient client;

		private final String runId;

		private volatile Lease lease;

		private volatile ScheduledFuture<?> renewal;

		private volatile boolean lost;

		private boolean released;

		Held(KubernetesClient client, Lease lease, String runId) {
			this.client = client;
			this.lease = lease;
			this.runId = runId;
		}

		private synchronized void renew() {
			if (released) {
				return;
			}
			try {
				Lease renewed = new LeaseBuilder(lease).editSpec().withRenewTime(utc(Instant.now())).endSpec().build();
				lease = namespaced(client).resource(renewed).update();
			}
			catch (KubernetesClientException ex) {
				if (ex.getCode() == 409 && !lost) {
					// Someone else wrote it: we were too slow to renew and it was taken
					// over.
					lost = true;
					renewal.cancel(false);
					logger.warn("Lost {} while run {} was going on: another instance took it over", describe(), runId);
				}
				else {
					logger.debug("Could not renew {}: {}", describe(), ex.getMessage());
				}
			}
		}

		/** Whether another instance took the Lease over while this one held it. */
		public boolean isLost() {
			return lost;
		}

		/**
		 * Stops renewing and clears the holder, unless another instance took it over;
		 * once.
		 */
		public synchronized void release() {
			if (released) {
				return;
			}
			released = true;
			ScheduledFuture<?> scheduled = renewal;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
			if (lost) {
				return;
			}
			try {
				Lease released = new LeaseBuilder(lease).editSpec()
					.withHolderIdentity(null)
					.withRenewTime(null)
					.withAcquireTime(null)
					.endSpec()
					.build();
				lease = namespaced(client).resource(released).update();
			}
			catch (KubernetesClientException ex) {
				// It expires by itself.
				logger.warn("Could not release {} after run {}: {}", describe(), runId, ex.getMessage());
			}
		}

	}

}
