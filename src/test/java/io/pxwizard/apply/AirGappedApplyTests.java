package io.pxwizard.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.apply.ApplyLine.Status;
import io.pxwizard.manifest.ImageMirror.MirroredImage;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The air-gapped path on a simulated cluster whose nodes can pull only what was mirrored
 * into the private registry, with an operator that moves images by
 * {@code customImageRegistry} as the real one does.
 */
class AirGappedApplyTests {

	private static final ClusterProperties FAST = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20));

	private static final ClusterProperties IMPATIENT = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(2));

	private final ManifestFixture fixture = new ManifestFixture();

	private SimulatedCluster cluster;

	private KubernetesClient client;

	@BeforeEach
	void startCluster() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
	}

	@AfterEach
	void stopCluster() {
		client.close();
		cluster.close();
	}

	@ParameterizedTest(name = "reg={0}")
	@ValueSource(strings = { "registry.example.com:5000", "registry.example.com:5000/portworx" })
	void installFromTheImagesToMirrorComesUpOnAnAirGappedCluster(String registry) {
		InstallSpec spec = fixture.seedWith("reg", registry);
		cluster.registry().airGapped(pulledNames(spec));

		ApplyRun run = apply(plan(spec), FAST);

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		await().atMost(Duration.ofSeconds(20)).until(() -> "Online".equals(phase()));
		String pulled = fixture.imageMirror.images(spec).get(0).pulledAs();
		assertThat(portworxPods()).isNotEmpty()
			.allSatisfy((pod) -> assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo(pulled));
	}

	@Test
	void anOperatorThatCannotPullItsImageIsNamedWithReasonAndImageNotTakenForAvailable() {
		InstallSpec spec = fixture.seed();
		cluster.registry().airGapped(Set.of());

		ApplyRun run = apply(plan(spec), IMPATIENT);

		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		// Kubernetes already says Available=True here (one replica, maxUnavailable 1):
		// the wait must not believe it.
		Deployment deployment = client.apps()
			.deployments()
			.inNamespace("kube-system")
			.withName("portworx-operator")
			.get();
		assertThat(deployment.getStatus().getConditions())
			.anySatisfy((condition) -> assertThat(condition.getType() + "=" + condition.getStatus())
				.isEqualTo("Available=True"));
		ApplyLine last = run.lines().get(run.lines().size() - 1);
		assertThat(last.status()).isEqualTo(Status.FAILED);
		assertThat(last.result()).startsWith("timed out waiting for the rollout: pod/portworx-operator-")
			.contains(": ImagePullBackOff on portworx/px-operator:1.5.2");
		assertThat(run.lines()).noneMatch((line) -> line.object().startsWith("storagecluster"));
	}

	/**
	 * What main wrote before this fix: the operator image with the repository twice,
	 * spec.image moved by hand.
	 */
	@Test
	void yesterdaysDoublePrefixFailsVisiblyAndInWords() {
		String registry = "registry.example.com:5000/portworx";
		InstallSpec spec = fixture.seedWith("reg", registry);
		cluster.registry().airGapped(pulledNames(spec));
		ApplyPlan plan = plan(spec);
		Deployment operator = (Deployment) plan.operatorObjects()
			.stream()
			.filter((object) -> object instanceof Deployment)
			.findFirst()
			.orElseThrow();
		operator.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.setImage(registry + "/portworx/px-operator:1.5.2");

		ApplyRun run = apply(plan, IMPATIENT);

		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines().get(run.lines().size() - 1).result())
			.contains("ImagePullBackOff on registry.example.com:5000/portworx/portworx/px-operator:1.5.2");
	}

	@Test
	void yesterdaysPrefixedSpecImageIsMovedAgainByTheOperatorAndThePortworxPodsCannotPull() {
		String registry = "registry.example.com:5000";
		InstallSpec spec = fixture.seedWith("reg", registry);
		cluster.registry().airGapped(pulledNames(spec));
		ApplyPlan plan = plan(spec);
		GenericKubernetesResource storageCluster = (GenericKubernetesResource) plan.clusterObjects().get(0);
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) storageCluster.getAdditionalProperties().get("spec");
		fields.put("image", registry + "/portworx/oci-monitor:2.8.1.5");

		ApplyRun run = apply(plan, FAST);

		assertThat(run.state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(portworxPods()).isNotEmpty()
				.allSatisfy((pod) -> assertThat(waitingReason(pod)).isEqualTo("ImagePullBackOff")));
		assertThat(portworxPods().get(0).getSpec().getContainers().get(0).getImage())
			.isEqualTo("registry.example.com:5000/registry.example.com:5000/portworx/oci-monitor:2.8.1.5");
		assertThat(phase()).isNotEqualTo("Online");
	}

	private Set<String> pulledNames(InstallSpec spec) {
		return fixture.imageMirror.images(spec).stream().map(MirroredImage::pulledAs).collect(Collectors.toSet());
	}

	private String phase() {
		GenericKubernetesResource stc = client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get();
		return (stc == null || stc.get("status") == null) ? null : stc.<String>get("status", "phase");
	}

	private List<Pod> portworxPods() {
		return client.pods().inNamespace("kube-system").withLabel("name", "portworx").list().getItems();
	}

	private static String waitingReason(Pod pod) {
		var statuses = pod.getStatus().getContainerStatuses();
		if (statuses == null || statuses.isEmpty() || statuses.get(0).getState().getWaiting() == null) {
			return null;
		}
		return statuses.get(0).getState().getWaiting().getReason();
	}

	private ApplyRun apply(ApplyPlan plan, ClusterProperties properties) {
		ApplyRun run = new ApplyRun("test", "2.8", Map.of(), Specs.SEED_QUERY, "/spec/2.8?" + Specs.SEED_QUERY,
				"kube-system", false, true, cluster.info());
		new Installer(properties).apply(run, client, plan);
		return run;
	}

	private ApplyPlan plan(InstallSpec spec) {
		List<HasMetadata> operator = new ArrayList<>(
				fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec)));
		return new ApplyPlan(operator, new ArrayList<>(fixture.manifests.clusterObjects(spec)), "kube-system");
	}

}
