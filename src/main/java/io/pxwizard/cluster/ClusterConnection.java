package io.pxwizard.cluster;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one shared {@link KubernetesClient} of the chosen context, as fabric8 configures it
 * (KUBECONFIG or ~/.kube/config, else the in-cluster service account). Switching context
 * (or disconnecting) is announced as a {@link ClusterChanged} event, so status boards
 * follow the new cluster; the old client is closed once the applies that hold it
 * ({@link ConnectedCluster#acquire()}) have finished on it.
 */
@Component
public class ClusterConnection implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ClusterConnection.class);

	private static final String SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

	private final ClusterProperties properties;

	private final ApplicationEventPublisher events;

	private volatile ConnectedCluster current;

	public ClusterConnection(ClusterProperties properties, ApplicationEventPublisher events) {
		this.properties = properties;
		this.events = events;
		if (properties.autoConnect() && hasConfiguration()) {
			try {
				connect(null);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not read the Kubernetes configuration: {}", ex.getMessage());
			}
		}
	}

	public Optional<ConnectedCluster> current() {
		return Optional.ofNullable(current);
	}

	public Optional<ClusterInfo> info() {
		return current().map(ConnectedCluster::info);
	}

	/** The kubeconfig's contexts, for the context picker; empty without a kubeconfig. */
	public List<String> contexts() {
		if (!hasKubeconfig()) {
			return List.of();
		}
		List<NamedContext> contexts = Config.autoConfigure(null).getContexts();
		return (contexts == null) ? List.of() : contexts.stream().map(NamedContext::getName).toList();
	}

	/**
	 * Connects to a kubeconfig context ({@code null}: the current one) or the in-cluster
	 * service account.
	 */
	public synchronized ClusterInfo connect(String context) {
		Config config = new ConfigBuilder(Config.autoConfigure(context))
			.withConnectionTimeout((int) properties.connectTimeout().toMillis())
			.withRequestTimeout((int) properties.requestTimeout().toMillis())
			.withRequestRetryBackoffLimit(1)
			.build();
		ClusterInfo.Kind kind = hasKubeconfig() ? ClusterInfo.Kind.KUBECONFIG : ClusterInfo.Kind.IN_CLUSTER;
		String name = (config.getCurrentContext() != null) ? config.getCurrentContext().getName() : "in-cluster";
		ClusterInfo info = new ClusterInfo(config.getMasterUrl(), name, kind);
		replace(new ConnectedCluster(new KubernetesClientBuilder().withConfig(config).build(), info));
		logger.info("Connected to {} ({})", info.server(), info.context());
		return info;
	}

	/** Uses a client made elsewhere (the simulated cluster of the demo and tests). */
	public synchronized void use(KubernetesClient client, ClusterInfo info) {
		replace(new ConnectedCluster(client, info));
	}

	public synchronized void disconnect() {
		replace(null);
	}

	private void replace(ConnectedCluster next) {
		ConnectedCluster previous = current;
		current = next;
		if (previous != null) {
			// Boards close on the event, while the old client still works; applies keep
			// it until they end.
			try {
				events.publishEvent(new ClusterChanged(previous.info(), (next != null) ? next.info() : null));
			}
			finally {
				// A failing listener must not leave the old client open for good.
				previous.retire();
			}
		}
	}

	@Override
	public void destroy() {
		disconnect();
	}

	private static boolean hasConfiguration() {
		return hasKubeconfig()
				|| (System.getenv("KUBERNETES_SERVICE_HOST") != null && new File(SERVICE_ACCOUNT_TOKEN).exists());
	}

	private static boolean hasKubeconfig() {
		String kubeconfig = System.getenv("KUBECONFIG");
		if (kubeconfig != null && !kubeconfig.isBlank()) {
			return new File(kubeconfig.split(File.pathSeparator)[0]).isFile();
		}
		return new File(System.getProperty("user.home"), ".kube/config").isFile();
	}

	/**
	 * A connection was switched or dropped: {@code now} is {@code null} when no cluster
	 * is connected any more.
	 */
	public record ClusterChanged(ClusterInfo before, ClusterInfo now) {
	}

	/**
	 * A connected client and what it is connected to. Work that must finish on this
	 * client (an apply) holds it with {@link #acquire()}; a client that was switched away
	 * from is closed when the last holder releases it.
	 */
	public static final class ConnectedCluster {

		private final KubernetesClient client;

		private final ClusterInfo info;

		private final AtomicInteger holders = new AtomicInteger();

		private volatile boolean retired;

		private volatile boolean closed;

		public ConnectedCluster(KubernetesClient client, ClusterInfo info) {
			this.client = client;
			this.info = info;
		}

		public KubernetesClient client() {
			return client;
		}

		public ClusterInfo info() {
			return info;
		}

		/**
		 * Holds the client open until {@link #release()}; {@code false} when it was
		 * already switched away from.
		 */
		public boolean acquire() {
			holders.incrementAndGet();
			if (retired) {
				release();
				return false;
			}
			return true;
		}

		public void release() {
			if (holders.decrementAndGet() == 0 && retired) {
				close();
			}
		}

		/**
		 * No longer the current connection: closed now, or when its last holder lets go.
		 */
		void retire() {
			retired = true;
			if (holders.get() == 0) {
				close();
			}
		}

		public boolean isClosed() {
			return closed;
		}

		private synchronized void close() {
			if (closed || holders.get() > 0) {
				return;
			}
			closed = true;
			// The simulated cluster's client belongs to the simulation, which closes it
			// itself.
			if (info.kind() != ClusterInfo.Kind.SIMULATED) {
				client.close();
			}
		}

	}

}
