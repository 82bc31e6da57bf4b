package io.pxwizard.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How px-wizard talks to a cluster.
 *
 * @param autoConnect connect at start to the kubeconfig's current context (or the
 * in-cluster service account)
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long one request may take, so an unreachable cluster answers
 * within seconds
 * @param operatorTimeout how long Apply waits for the operator Deployment to become
 * available
 * @param crdTimeout how long Apply waits for the StorageCluster CRD to be Established
 * @param scanTimeout how long the disk scan waits for every node's answer
 * @param uninstallTimeout how long an uninstall waits for the operator to remove Portworx
 * (and wipe the disks) and let the StorageCluster go
 * @param onlineTimeout how long Apply waits for the StorageCluster to be Online before it
 * applies the spec's StorageClasses
 */
@ConfigurationProperties("px-wizard.cluster")
public record ClusterProperties(@DefaultValue("true") boolean autoConnect, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("5m") Duration operatorTimeout,
		@DefaultValue("3m") Duration crdTimeout, @DefaultValue("2m") Duration scanTimeout,
		@DefaultValue("15m") Duration uninstallTimeout, @DefaultValue("10m") Duration onlineTimeout) {

	@ConstructorBinding
	public ClusterProperties {
	}

	/** With the default scan timeout. */
	public ClusterProperties(boolean autoConnect, Duration connectTimeout, Duration requestTimeout,
			Duration operatorTimeout, Duration crdTimeout) {
		this(autoConnect, connectTimeout, requestTimeout, operatorTimeout, crdTimeout, Duration.ofMinutes(2));
	}

	/** With the default uninstall timeout. */
	public ClusterProperties(boolean autoConnect, Duration connectTimeout, Duration requestTimeout,
			Duration operatorTimeout, Duration crdTimeout, Duration scanTimeout) {
		this(autoConnect, connectTimeout, requestTimeout, operatorTimeout, crdTimeout, scanTimeout,
				Duration.ofMinutes(15));
	}

	/** With the default Online timeout. */
	public ClusterProperties(boolean autoConnect, Duration connectTimeout, Duration requestTimeout,
			Duration operatorTimeout, Duration crdTimeout, Duration scanTimeout, Duration uninstallTimeout) {
		this(autoConnect, connectTimeout, requestTimeout, operatorTimeout, crdTimeout, scanTimeout, uninstallTimeout,
				Duration.ofMinutes(10));
	}

}
