package io.pxwizard.uninstall;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyPlan;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRunFixture;
import io.pxwizard.apply.InstallerAccess;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.simulation.SimulatedVolumes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Uninstall against the simulated cluster, whose operator holds the StorageCluster by its
 * finalizer, runs the node wiper pods and lets it go as the real one does.
 */
class UninstallerTests {

	private static final ClusterProperties FAST = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20),
			Duration.ofSeconds(30));

	private static final String STORAGE_CLUSTER = "storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME;

	private final ManifestFixture fixture = new ManifestFixture();

	private SimulatedCluster cluster;

	private KubernetesClient client;

	private final Set<String> wipers = ConcurrentHashMap.newKeySet();

	private Watch wiperWatch;

	@BeforeEach
	void installPortworx() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
		ApplyRun install = ApplyRunFixture.newRun("2.8", Specs.SEED_QUERY, cluster.info());
		InstallerAccess.apply(FAST, install, client, plan(fixture.seed()));
		assertThat(install.state()).as(install.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		await().atMost(Duration.ofSeconds(20)).until(() -> "Online".equals(storageCluster().get("status", "phase")));
		assertThat(storageCluster().getMetadata().getFinalizers()).containsExactly(Uninstaller.FINALIZER);
		wiperWatch = client.pods().inNamespace("kube-system").withLabel("name", "px-node-wiper").watch(new Watcher<>() {
			@Override
			public void eventReceived(Action action, Pod pod) {
				wipers.add(pod.getMetadata().getName() + " on " + pod.getSpec().getNodeName());
			}

			@Override
			public void onClose(WatcherException cause) {
			}
		});
	}

	@AfterEach
	void stopCluster() {
		wiperWatch.close();
		client.close();
		cluster.close();
	}

	@Test
	void uninstallSetsTheStrategyDeletesWaitsForTheOperatorThenRemovesWhatApplyWroteLastFirst() {
		ApplyRun run = uninstall(DeleteStrategy.UNINSTALL, false, FAST);

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.action()).isEqualTo(ApplyRun.Action.UNINSTALL);
		assertThat(run.lines()).extracting(ApplyLine::object, ApplyLine::result)
			.containsExactly(tuple("persistentvolumes", "no Portworx volume on this cluster"),
					tuple(STORAGE_CLUSTER, "patched (spec.deleteStrategy.type: Uninstall)"),
					tuple(STORAGE_CLUSTER, "deleted"),
					tuple(STORAGE_CLUSTER, "deleted: the operator removed Portworx and let it go"),
					tuple("secret/px-essential", "deleted"), tuple("deployment.apps/portworx-operator", "deleted"),
					tuple("clusterrolebinding.rbac.authorization.k8s.io/portworx-operator", "deleted"),
					tuple("clusterrole.rbac.authorization.k8s.io/portworx-operator", "deleted"),
					tuple("serviceaccount/portworx-operator", "deleted"));
		assertThat(client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inAnyNamespace()
			.list()
			.getItems()).isEmpty();
		assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
		assertThat(client.secrets().inNamespace("kube-system").withName("px-essential").get()).isNull();
		assertThat(client.serviceAccounts().inNamespace("kube-system").withName("portworx-operator").get()).isNull();
		// The operator ran its node wiper on every node before it let the StorageCluster
		// go.
		assertThat(wipers).hasSize(3).allSatisfy((pod) -> assertThat(pod).startsWith("px-node-wiper-"));
		// The CRDs are the operator's own and stay, as Portworx's uninstall leaves them.
		assertThat(client.apiextensions()
			.v1()
			.customResourceDefinitions()
			.withName("storageclusters.core.libopenstorage.org")
			.get()).isNotNull();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(client.pods().inNamespace("kube-system").list().getItems()).isEmpty());
		List<String> requests = cluster.server().dispatcher().requests();
		String path = "/apis/core.libopenstorage.org/v1/namespaces/kube-system/storageclusters/" + Specs.CLUSTER_NAME;
		assertThat(indexOf(requests, "PATCH " + path)).isNotNegative().isLessThan(indexOf(requests, "DELETE " + path));
	}

	@Test
	void aStorageClusterOtherThanTheOneConfirmedIsNotTouched() {
		ApplyRun run = uninstall(DeleteStrategy.UNINSTALL_AND_WIPE, "px-cluster-confirmed-elsewhere", true, FAST);
		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).singleElement()
			.extracting(ApplyLine::result)
			.asString()
			.startsWith("not the StorageCluster confirmed (px-cluster-confirmed-elsewhere): nothing was changed");
		assertThat(storageCluster().getMetadata().getDeletionTimestamp()).isNull();
		assertThat(storageCluster().<Object>get("spec", "deleteStrategy")).isNull();
	}

	@Test
	void aStrategyAlreadySetIsFollowedEvenOnePxWizardDoesNotOffer() {
		var resource = client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME);
		cluster.operator().pause(true);
		resource.patch(
				io.fabric8.kubernetes.client.dsl.base.PatchContext
					.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
				"{\"spec\":{\"deleteStrategy\":{\"type\":\"UninstallAndDelete\"}}}");
		resource.delete();
		cluster.operator().pause(false);

		ApplyRun run = uninstall(DeleteStrategy.UNINSTALL, false, FAST);

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.lines()).extracting(ApplyLine::result)
			.noneMatch((result) -> result.startsWith("patched"))
			.anySatisfy((result) -> assertThat(result)
				.endsWith("(spec.deleteStrategy.type: UninstallAndDelete): following the operator"));
	}

	@Test
	void theOperatorStaysWhileAnotherStorageClusterNeedsIt() {
		GenericKubernetesResource other = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
			.withApiVersion("core.libopenstorage.org/v1")
			.withKind("StorageCluster")
			.withNewMetadata()
			.withName("px-other")
			.withNamespace("portworx")
			.endMetadata()
			.build();
		client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("portworx")
			.resource(other)
			.create();

		ApplyRun run = uninstall(DeleteStrategy.UNINSTALL, false, FAST);

		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).last()
			.extracting(ApplyLine::result)
			.asString()
			.isEqualTo("another StorageCluster is still here (portworx/px-other): the operator stays to remove it; "
					+ "uninstall that one first");
		assertThat(client.apps().deployments().inNamespace("kube-system").withName("portworx-operator").get())
			.isNotNull();
	}

	@Test
	void uninstallAndWipeSetsItsStrategyAndItsRunSaysSo() {
		ApplyRun run = uninstall(DeleteStrategy.UNINSTALL_AND_WIPE, false, FAST);

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.action()).isEqualTo(ApplyRun.Action.UNINSTALL_AND_WIPE);
		assertThat(run.lines()).extracting(ApplyLine::result)
			.contains("patched (spec.deleteStrategy.type: UninstallAndWipe)");
		assertThat(wipers).hasSize(3);
	}

	@Test
	void volumesInUseRefuseTheUninstallUntilTheirLossIsAccepted() {
		SimulatedVolumes.createDatabase(client, "default", "mongo-0", "px-mongo");
		await().atMost(Duration.ofSeconds(10)).until(() -> !client.persistentVolumes().list().getItems().isEmpty());

		ApplyRun refused = uninstall(DeleteStrategy.UNINSTALL_AND_WIPE, false, FAST);
		assertThat(refused.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(refused.lines()).singleElement().satisfies((line) -> {
			assertThat(line.status()).isEqualTo(ApplyLine.Status.FAILED);
			assertThat(line.result()).contains("1 PersistentVolumeClaim (default/data-mongo-0)",
					"1 pod (default/mongo-0)", "confirm that they become unusable and lose their data");
		});
		assertThat(storageCluster().getMetadata().getDeletionTimestamp()).isNull();
		assertThat(storageCluster().<Object>get("spec", "deleteStrategy")).isNull();

		ApplyRun accepted = uninstall(DeleteStrategy.UNINSTALL_AND_WIPE, true, FAST);
		assertThat(accepted.state()).as(accepted.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(accepted.lines()).extracting(ApplyLine::result)
			.contains("patched (spec.deleteStrategy.type: UninstallAndWipe, ignoreVolumes: true)")
			.anySatisfy((result) -> assertThat(result).contains("become unusable and lose their data (confirmed)"));
	}

	@Test
	void anOperatorThatNeverLetsGoTimesOutNamingWhatIsLeftAndASecondRunResumes() {
		cluster.operator().pause(true);
		ClusterProperties impatient = new ClusterProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(2));
		ApplyRun timedOut = uninstall(DeleteStrategy.UNINSTALL, false, impatient);

		assertThat(timedOut.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(timedOut.lines()).last().satisfies((line) -> {
			assertThat(line.object()).isEqualTo(STORAGE_CLUSTER);
			assertThat(line.result()).startsWith("timed out waiting for the deletion; still there: phase Online")
				.contains("3 px pods left", "finalizer operator.libopenstorage.org/delete",
						"kubectl -n kube-system describe storagecluster " + Specs.CLUSTER_NAME,
						"Uninstalling again resumes from here.");
		});
		// The operator objects are still there: the operator must finish first.
		assertThat(client.apps().deployments().inNamespace("kube-system").withName("portworx-operator").get())
			.isNotNull();

		// px-wizard restarted: a new run finds the StorageCluster being deleted and
		// follows it.
		cluster.operator().pause(false);
		ApplyRun resumed = uninstall(DeleteStrategy.UNINSTALL_AND_WIPE, false, FAST);
		assertThat(resumed.state()).as(resumed.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(resumed.action()).isEqualTo(ApplyRun.Action.UNINSTALL);
		assertThat(resumed.lines().get(1).result()).startsWith("being deleted since ")
			.endsWith("(spec.deleteStrategy.type: Uninstall): following the operator");
		assertThat(resumed.lines()).extracting(ApplyLine::result)
			.noneMatch((result) -> result.startsWith("patched"))
			.contains("deleted: the operator removed Portworx and let it go");
		assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
	}

	@Test
	void theWaitShowsTheOperatorsPhaseConditionAndWiperPods() {
		ApplyRun run = ApplyRunFixture.newRun("2.8", Specs.SEED_QUERY, cluster.info());
		Thread uninstalling = new Thread(() -> new Uninstaller(FAST).uninstall(run, client, plan(fixture.seed()),
				DeleteStrategy.UNINSTALL, Specs.CLUSTER_NAME, false));
		uninstalling.start();
		// Held while the wiper pods run, so the next poll of the wait sees them.
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> !wipers.isEmpty());
		cluster.operator().pause(true);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> run.lines()
				.stream()
				.anyMatch((line) -> line.status() == ApplyLine.Status.WAITING
						&& line.result().contains("px-node-wiper")));
		assertThat(run.lines()).last()
			.extracting(ApplyLine::result)
			.asString()
			.startsWith(
					"waiting for the deletion: phase Uninstalling, Delete InProgress (Started node wiper daemonset), px-node-wiper ")
			.contains("/3 nodes done", "finalizer operator.libopenstorage.org/delete");
		cluster.operator().pause(false);
		await().atMost(Duration.ofSeconds(20)).until(() -> !run.isRunning());
		assertThat(run.state()).isEqualTo(ApplyRun.State.SUCCEEDED);
	}

	@Test
	void withOnlyTheOperatorLeftItsObjectsAreRemoved() {
		client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.delete();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
				.inAnyNamespace()
				.list()
				.getItems()
				.isEmpty());
		ApplyRun run = uninstall(DeleteStrategy.UNINSTALL, null, false, FAST);
		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.lines().get(0).result()).startsWith("no StorageCluster on this cluster");
		assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
	}

	private ApplyRun uninstall(DeleteStrategy strategy, boolean volumesAccepted, ClusterProperties properties) {
		return uninstall(strategy, Specs.CLUSTER_NAME, volumesAccepted, properties);
	}

	private ApplyRun uninstall(DeleteStrategy strategy, String confirmedName, boolean volumesAccepted,
			ClusterProperties properties) {
		ApplyRun run = ApplyRunFixture.newRun("2.8", Specs.SEED_QUERY, cluster.info());
		new Uninstaller(properties).uninstall(run, client, plan(fixture.seed()), strategy, confirmedName,
				volumesAccepted);
		return run;
	}

	private GenericKubernetesResource storageCluster() {
		return client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get();
	}

	private ApplyPlan plan(InstallSpec spec) {
		List<HasMetadata> operator = fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec));
		return new ApplyPlan(operator, fixture.manifests.clusterObjects(spec), "kube-system");
	}

	private static int indexOf(List<String> requests, String prefix) {
		for (int i = 0; i < requests.size(); i++) {
			if (requests.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

}
