package io.pxwizard.bench;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Portworx-looking pods for the benchmarks. */
final class Pods {

	private Pods() {
	}

	static Pod create(KubernetesClient client, String namespace, String name, String component) {
		return client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.withLabels(Map.of("name", component))
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("main")
			.withImage("portworx/" + component + ":bench")
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withPhase("Running")
			.addNewContainerStatus()
			.withName("main")
			.withReady(true)
			.withRestartCount(0)
			.withNewState()
			.withNewRunning()
			.endRunning()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build()).create();
	}

	/** Sets the pod's restart count: a change every watcher sees, with a number to look for. */
	static void restarts(KubernetesClient client, String namespace, String name, int restarts) {
		Pod pod = client.pods().inNamespace(namespace).withName(name).get();
		client.pods().inNamespace(namespace).resource(new PodBuilder(pod).editStatus()
			.editFirstContainerStatus()
			.withRestartCount(restarts)
			.endContainerStatus()
			.endStatus()
			.build()).update();
	}

}
