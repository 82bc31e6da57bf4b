package io.pxwizard.simulation;

import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterConnection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Connects px-wizard to a simulated cluster instead of a kubeconfig (demos and tests).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SimulatedClusterConfiguration {

	@Bean(destroyMethod = "close")
	SimulatedCluster simulatedCluster(@Value("${px-wizard.simulation.step:1s}") Duration step,
			@Value("${px-wizard.simulation.workload:false}") boolean workload,
			@Value("${px-wizard.simulation.nodes:3}") int nodes) {
		SimulatedCluster cluster = SimulatedCluster.start(step);
		cluster.operator().withNodes(nodes).withWorkload(workload);
		return cluster;
	}

	@Bean(destroyMethod = "close")
	KubernetesClient simulatedClusterClient(SimulatedCluster cluster, ClusterConnection connection) {
		KubernetesClient client = cluster.createClient();
		connection.use(client, cluster.info());
		return client;
	}

}
