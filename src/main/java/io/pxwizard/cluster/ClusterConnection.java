package io.pxwizard.cluster;

import java.io.File;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one shared {@link KubernetesClient} of the chosen context, as fabric8 configures it (KUBECONFIG or
 * ~/.kube/config, else the in-cluster service account). Switching context closes the old client.
 */
@Component
public class ClusterConnection implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ClusterConnection.class);

	private static final String SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

	private final ClusterProperties properties;

	private volatile ConnectedCluster current;

	public ClusterConnection(ClusterProperties properties) {
		this.properties = properties;
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

	/** Connects to a kubeconfig context ({@code null}: the current one) or the in-cluster service account. */
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
		if (previous != null && previous.info().kind() != ClusterInfo.Kind.SIMULATED) {
			previous.client().close();
		}
	}

	@Override
	public void destroy() {
		disconnect();
	}

	private static boolean hasConfiguration() {
		return hasKubeconfig() || (System.getenv("KUBERNETES_SERVICE_HOST") != null
				&& new File(SERVICE_ACCOUNT_TOKEN).exists());
	}

	private static boolean hasKubeconfig() {
		String kubeconfig = System.getenv("KUBECONFIG");
		if (kubeconfig != null && !kubeconfig.isBlank()) {
			return new File(kubeconfig.split(File.pathSeparator)[0]).isFile();
		}
		return new File(System.getProperty("user.home"), ".kube/config").isFile();
	}

	/** A connected client and what it is connected to. */
	public record ConnectedCluster(KubernetesClient client, ClusterInfo info) {
	}

}
