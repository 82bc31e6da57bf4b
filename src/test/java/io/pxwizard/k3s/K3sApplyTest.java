package io.pxwizard.k3s;

import java.time.Duration;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pxwizard.cluster.ClusterInfo;
import io.pxwizard.apply.ApplyPlan;
import io.pxwizard.apply.ApplyRunProbe;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same apply against a real k3s, where a Docker engine exists (skipped cleanly where
 * none does). The real Portworx operator then starts and registers the StorageCluster CRD
 * itself; Portworx pods need real disks and are not waited for.
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sApplyTest {

	@Container
	static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.30.4-k3s1"));

	@Test
	void seedSpecIsAppliedToARealCluster() {
		ManifestFixture fixture = new ManifestFixture();
		InstallSpec spec = fixture.seed();
		ApplyPlan plan = new ApplyPlan(fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec)),
				fixture.manifests.clusterObjects(spec), "kube-system");
		try (KubernetesClient client = new KubernetesClientBuilder()
			.withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
			.build()) {
			ApplyRunProbe probe = ApplyRunProbe.apply(client, plan,
					new ClusterInfo("k3s", "k3s", ClusterInfo.Kind.KUBECONFIG), Duration.ofMinutes(5));
			assertThat(probe.succeeded()).as(probe.lines().toString()).isTrue();
			assertThat(client.apps().deployments().inNamespace("kube-system").withName("portworx-operator").get())
				.isNotNull();
			assertThat(client.secrets().inNamespace("kube-system").withName("px-essential").get().getData())
				.containsKeys("px-essen-user-id", "px-osb-endpoint");
			assertThat(client.genericKubernetesResources("core.libopenstorage.org/v1", "StorageCluster")
				.inNamespace("kube-system")
				.withName(Specs.CLUSTER_NAME)
				.get()).isNotNull();
		}
	}

}
