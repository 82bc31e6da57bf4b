package io.pxwizard.apply;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.apply.ApplyLine.Status;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Apply against the simulated cluster: fabric8's mock API server, made faithful, with a
 * simulated operator.
 */
class InstallerTests {

	private static final ClusterProperties FAST = new ClusterProperties(false, Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20));

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

	@Test
	void seedSpecIsAppliedInOrderAndEveryObjectExistsWithItsContent() {
		ApplyRun run = apply(fixture.seed(), false, FAST);

		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.lines()).extracting(ApplyLine::object, ApplyLine::result)
			.contains(org.assertj.core.groups.Tuple.tuple("serviceaccount/portworx-operator", "serverside-applied"),
					org.assertj.core.groups.Tuple.tuple("deployment.apps/portworx-operator", "successfully rolled out"),
					org.assertj.core.groups.Tuple.tuple(
							"customresourcedefinition.apiextensions.k8s.io/storageclusters.core.libopenstorage.org",
							"condition met"),
					org.assertj.core.groups.Tuple.tuple("storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME,
							"serverside-applied"),
					org.assertj.core.groups.Tuple.tuple("secret/px-essential", "serverside-applied"));
		ServiceAccount account = client.serviceAccounts()
			.inNamespace("kube-system")
			.withName("portworx-operator")
			.get();
		assertThat(account.getMetadata().getManagedFields()).extracting("manager")
			.containsExactly(Installer.FIELD_MANAGER);
		var deployment = client.apps().deployments().inNamespace("kube-system").withName("portworx-operator").get();
		assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.isEqualTo("portworx/px-operator:1.5.2");
		GenericKubernetesResource storageCluster = client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get();
		assertThat(storageCluster.<String>get("spec", "image")).isEqualTo("portworx/oci-monitor:2.8.1.5");
		assertThat(storageCluster.<Boolean>get("spec", "kvdb", "internal")).isTrue();
		assertThat(client.secrets().inNamespace("kube-system").withName("px-essential").get().getData())
			.containsKey("px-essen-user-id");
	}

	@Test
	void storageClusterIsWrittenOnlyAfterTheCrdIsEstablished() {
		apply(fixture.seed(), false, FAST);
		List<String> requests = cluster.server().dispatcher().requests();
		int crdCreated = indexOf(requests, "POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions");
		int operatorApplied = indexOf(requests,
				"PATCH /apis/apps/v1/namespaces/kube-system/deployments/portworx-operator?fieldManager=px-wizard");
		int clusterApplied = indexOf(requests,
				"PATCH /apis/core.libopenstorage.org/v1/namespaces/kube-system/storageclusters/" + Specs.CLUSTER_NAME
						+ "?fieldManager=px-wizard");
		assertThat(operatorApplied).isGreaterThanOrEqualTo(0);
		assertThat(crdCreated).isGreaterThan(operatorApplied);
		assertThat(clusterApplied).isGreaterThan(crdCreated);
	}

	@Test
	void applyingTwiceChangesNothing() {
		assertThat(apply(fixture.seed(), false, FAST).state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		Map<String, Object> specBefore = client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get()
			.get("spec");
		ApplyRun second = apply(fixture.seed(), false, FAST);
		assertThat(second.state()).as(second.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		Map<String, Object> specAfter = client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get()
			.get("spec");
		assertThat(specAfter).isEqualTo(specBefore);
		// The simulated operator adds its finalizer when it first reconciles: once it
		// has,
		// nothing but px-wizard's own apply could change the objects.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
				.inNamespace("kube-system")
				.withName(Specs.CLUSTER_NAME)
				.get()
				.getMetadata()
				.getFinalizers()
				.isEmpty());
		ApplyRun dryRun = apply(fixture.seed(), true, FAST);
		assertThat(dryRun.lines()).filteredOn((line) -> line.result().startsWith("serverside-applied"))
			.hasSize(6)
			.allSatisfy((line) -> assertThat(line.result()).endsWith("unchanged"));
	}

	@Test
	void dryRunWritesNothingAndSaysWhatWouldHappen() {
		ApplyRun run = apply(fixture.seed(), true, FAST);
		assertThat(run.state()).as(run.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(run.lines()).filteredOn((line) -> line.object().startsWith("deployment.apps"))
			.extracting(ApplyLine::result)
			.containsExactly("serverside-applied (server dry run): would be created");
		assertThat(run.lines()).filteredOn((line) -> line.object().startsWith("storagecluster"))
			.extracting(ApplyLine::result)
			.containsExactly("would be created once the operator has registered the StorageCluster type");
		assertThat(client.serviceAccounts().inNamespace("kube-system").withName("portworx-operator").get()).isNull();
		assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
		assertThat(cluster.server().dispatcher().requests()).filteredOn((r) -> r.contains("fieldManager=px-wizard"))
			.isNotEmpty()
			.allSatisfy((r) -> assertThat(r).contains("dryRun=All"));
	}

	@Test
	void missingOperatorEndsInATimeoutMessageNotAHang() {
		cluster.operator().pause(true);
		ClusterProperties impatient = new ClusterProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofMillis(500), Duration.ofMillis(500));
		ApplyRun run = apply(fixture.seed(), false, impatient);
		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		ApplyLine last = run.lines().get(run.lines().size() - 1);
		assertThat(last.status()).isEqualTo(Status.FAILED);
		assertThat(last.object()).isEqualTo("deployment.apps/portworx-operator");
		assertThat(last.result()).startsWith("timed out").contains("describe pod -l name=portworx-operator");
		assertThat(run.lines()).noneMatch((line) -> line.object().startsWith("storagecluster"));
	}

	@Test
	void forbiddenNamesTheObjectAndTheReason() {
		cluster.server().dispatcher().forbid("deployments");
		ApplyRun run = apply(fixture.seed(), false, FAST);
		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		ApplyLine last = run.lines().get(run.lines().size() - 1);
		assertThat(last.object()).isEqualTo("deployment.apps/portworx-operator");
		assertThat(last.result()).startsWith("Error from server (Forbidden): ")
			.contains("cannot patch resource \"deployments\"");
	}

	@Test
	void applyingANewerReleaseOverARunningOneSaysItUpgradesIt() {
		assertThat(apply(fixture.seed(), false, FAST).state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		ApplyRun upgrade = apply(fixture.spec("2.12", Specs.seedParameters()), false, FAST);
		assertThat(upgrade.state()).as(upgrade.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(upgrade.lines().get(0).object())
			.isEqualTo("storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME);
		assertThat(upgrade.lines().get(0).result()).startsWith(
				"Portworx 2.8.1.5, operator 1.5.2 runs here; Apply upgrades it to " + imageVersion("2.12") + " (");
		assertThat(storageClusterImage()).isEqualTo("portworx/oci-monitor:" + imageVersion("2.12"));
		assertThat(upgrade.action()).isEqualTo(ApplyRun.Action.UPGRADE);
		assertThat(upgrade.upgradedFrom()).isEqualTo("2.8.1.5");
		ApplyRun dryRun = apply(fixture.spec("2.12", Specs.seedParameters()), true, FAST);
		assertThat(dryRun.lines()).filteredOn((line) -> line.object().startsWith("storagecluster"))
			.extracting(ApplyLine::result)
			.last()
			.asString()
			.isEqualTo("serverside-applied (server dry run): unchanged");
		ApplyRun again = apply(fixture.spec("2.12", Specs.seedParameters()), false, FAST);
		assertThat(again.lines().get(0).result()).endsWith("runs here; Apply updates its spec");
		assertThat(again.action()).isEqualTo(ApplyRun.Action.APPLY);
		// The simulated operator then does what the real one does: the new operator pod
		// replaces the old one, and
		// the px pods are replaced node by node with the new image.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(
					client.pods().inNamespace("kube-system").withLabel("name", "portworx-operator").list().getItems())
				.singleElement()
				.extracting((pod) -> pod.getSpec().getContainers().get(0).getImage())
				.isEqualTo("portworx/px-operator:" + fixture.catalog.release("2.12").orElseThrow().operatorVersion());
			assertThat(client.pods().inNamespace("kube-system").withLabel("name", "portworx").list().getItems())
				.hasSize(3)
				.allSatisfy((pod) -> {
					assertThat(pod.getSpec().getContainers().get(0).getImage())
						.isEqualTo("portworx/oci-monitor:" + imageVersion("2.12"));
					assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
				});
			// VERSION as kubectl get storagecluster / storagenode print it.
			assertThat(client.genericKubernetesResources(PortworxResources.STORAGE_NODES)
				.inNamespace("kube-system")
				.list()
				.getItems()).hasSize(3)
				.allSatisfy((node) -> assertThat(node.<String>get("spec", "version")).isEqualTo(imageVersion("2.12")));
			assertThat(client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
				.inNamespace("kube-system")
				.withName(Specs.CLUSTER_NAME)
				.get()
				.<String>get("status", "version")).isEqualTo(imageVersion("2.12"));
		});
	}

	@Test
	void aDryRunOfAnUpgradeSaysWhichFieldsWouldChange() {
		assertThat(apply(fixture.seed(), false, FAST).state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		ApplyRun dryRun = apply(fixture.spec("2.12", Specs.seedParameters()), true, FAST);
		assertThat(dryRun.state()).as(dryRun.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(dryRun.lines()).filteredOn((line) -> line.object().equals("deployment.apps/portworx-operator"))
			.extracting(ApplyLine::result)
			.first()
			.asString()
			.contains("would be changed: ",
					"spec.template.spec.containers[0].image: portworx/px-operator:1.5.2 → portworx/px-operator:"
							+ fixture.catalog.release("2.12").orElseThrow().operatorVersion());
		assertThat(dryRun.lines())
			.filteredOn((line) -> line.object().equals("storagecluster.core.libopenstorage.org/" + Specs.CLUSTER_NAME)
					&& line.result().startsWith("serverside-applied"))
			.extracting(ApplyLine::result)
			.singleElement()
			.asString()
			.contains("spec.image: portworx/oci-monitor:2.8.1.5 → portworx/oci-monitor:" + imageVersion("2.12"));
		assertThat(storageClusterImage()).isEqualTo("portworx/oci-monitor:2.8.1.5");
	}

	@Test
	void twoPointEightIsUpgradedToThreePointOneAndAPathPortworxDoesNotSupportIsRefusedWithTheWayToGo() {
		assertThat(apply(fixture.seed(), false, FAST).state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		ApplyRun toThree = applyWithCatalogue(fixture.spec("3.1", Specs.seedParameters()));
		assertThat(toThree.state()).as(toThree.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
		assertThat(toThree.upgradedFrom()).isEqualTo("2.8.1.5");
		assertThat(toThree.upgradedTo()).isEqualTo(imageVersion("3.1"));
		assertThat(storageClusterImage()).isEqualTo("portworx/oci-monitor:" + imageVersion("3.1"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(client.genericKubernetesResources(PortworxResources.STORAGE_NODES)
				.inNamespace("kube-system")
				.list()
				.getItems()).hasSize(3)
				.allSatisfy((node) -> assertThat(node.<String>get("spec", "version")).isEqualTo(imageVersion("3.1"))));
		int requests = cluster.server().dispatcher().requests().size();

		ApplyRun skipping = applyWithCatalogue(fixture.spec("3.4", Specs.seedParameters()));

		assertThat(skipping.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(skipping.lines()).singleElement()
			.extracting(ApplyLine::result)
			.asString()
			.endsWith("runs here: Portworx does not upgrade " + imageVersion("3.1") + " to " + imageVersion("3.4")
					+ " in one step; apply 3.2, then 3.3 first, then " + imageVersion("3.4")
					+ " (docs.portworx.com/portworx-enterprise/support-matrix/portworx-helm-chart)");
		List<String> after = List.copyOf(cluster.server().dispatcher().requests());
		assertThat(after.subList(requests, after.size()))
			.noneMatch((request) -> request.contains("fieldManager=" + Installer.FIELD_MANAGER));
		// The next step of the path is allowed.
		ApplyRun step = applyWithCatalogue(fixture.spec("3.2", Specs.seedParameters()));
		assertThat(step.state()).as(step.lines().toString()).isEqualTo(ApplyRun.State.SUCCEEDED);
	}

	private ApplyRun applyWithCatalogue(InstallSpec spec) {
		ApplyRun run = newRun(false);
		ApplyPlan plain = plan(spec);
		new Installer(FAST).apply(run, client, new ApplyPlan(plain.operatorObjects(), plain.clusterObjects(),
				plain.namespace(), fixture.catalog.upgradePaths()));
		return run;
	}

	@Test
	void aDowngradeIsRefusedBeforeAnythingIsApplied() {
		assertThat(apply(fixture.spec("2.12", Specs.seedParameters()), false, FAST).state())
			.isEqualTo(ApplyRun.State.SUCCEEDED);
		int requests = cluster.server().dispatcher().requests().size();

		ApplyRun downgrade = apply(fixture.seed(), false, FAST);

		assertThat(downgrade.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(downgrade.lines()).singleElement().satisfies((line) -> {
			assertThat(line.status()).isEqualTo(Status.FAILED);
			assertThat(line.result()).isEqualTo("Portworx " + imageVersion("2.12") + ", operator "
					+ fixture.catalog.release("2.12").orElseThrow().operatorVersion()
					+ " runs here: Portworx cannot be downgraded to 2.8.1.5 (pick a release at " + imageVersion("2.12")
					+ " or newer)");
		});
		// Nothing applied by px-wizard (the simulated operator's own writes go on
		// meanwhile).
		List<String> after = List.copyOf(cluster.server().dispatcher().requests());
		assertThat(after.subList(requests, after.size()))
			.noneMatch((request) -> request.contains("fieldManager=" + Installer.FIELD_MANAGER));
		assertThat(storageClusterImage()).isEqualTo("portworx/oci-monitor:" + imageVersion("2.12"));
	}

	@Test
	void thePreflightSaysWhatRunsAndWhatApplyWouldDoToIt() {
		assertThat(apply(fixture.spec("2.12", Specs.seedParameters()), false, FAST).state())
			.isEqualTo(ApplyRun.State.SUCCEEDED);
		String running = "Portworx " + imageVersion("2.12") + ", operator "
				+ fixture.catalog.release("2.12").orElseThrow().operatorVersion();

		PreflightCheck same = storageClusterCheck(plan(fixture.spec("2.12", Specs.seedParameters())));
		assertThat(same.verdict()).isEqualTo(PreflightCheck.Verdict.WARN);
		assertThat(same.result()).endsWith("; " + running + " runs here; Apply updates its spec");

		PreflightCheck downgrade = storageClusterCheck(plan(fixture.seed()));
		assertThat(downgrade.verdict()).isEqualTo(PreflightCheck.Verdict.FAIL);
		assertThat(downgrade.result()).contains("; Apply refuses: " + running,
				"Portworx cannot be downgraded to 2.8.1.5");
	}

	private PreflightCheck storageClusterCheck(ApplyPlan plan) {
		return new Preflight().run(client, plan)
			.checks()
			.stream()
			.filter((check) -> check.title().equals("StorageCluster"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aSecondStorageClusterInAnotherNamespaceIsRefused() {
		assertThat(apply(fixture.seed(), false, FAST).state()).isEqualTo(ApplyRun.State.SUCCEEDED);
		InstallSpec elsewhere = fixture.seedWith("ns", "portworx");
		ApplyRun run = new ApplyRun("test", "2.8", Map.of(), Specs.SEED_QUERY, "/spec/2.8?" + Specs.SEED_QUERY,
				"portworx", false, true, cluster.info());
		List<HasMetadata> operator = fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(elsewhere));
		new Installer(FAST).apply(run, client,
				new ApplyPlan(operator, fixture.manifests.clusterObjects(elsewhere), "portworx"));
		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).singleElement()
			.extracting(ApplyLine::result)
			.asString()
			.contains("runs in kube-system",
					"this spec installs into portworx: a second StorageCluster would take the same disks");
		assertThat(client.apps().deployments().inNamespace("portworx").list().getItems()).isEmpty();
	}

	private String imageVersion(String release) {
		return fixture.catalog.release(release).orElseThrow().imageVersion();
	}

	private String storageClusterImage() {
		return client.genericKubernetesResources(PortworxResources.STORAGE_CLUSTERS)
			.inNamespace("kube-system")
			.withName(Specs.CLUSTER_NAME)
			.get()
			.<String>get("spec", "image");
	}

	@Test
	void unreachableClusterSaysSoWithinSeconds() {
		KubernetesClient nowhere = new KubernetesClientBuilder()
			.withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1")
				.withRequestRetryBackoffLimit(0)
				.withConnectionTimeout(1000)
				.withRequestTimeout(2000)
				.build())
			.build();
		ApplyRun run = newRun(false);
		new Installer(FAST).apply(run, nowhere, plan(fixture.seed()));
		nowhere.close();
		assertThat(run.state()).isEqualTo(ApplyRun.State.FAILED);
		assertThat(run.lines()).singleElement().satisfies((line) -> {
			// The first thing Apply reads is whether Portworx runs there already.
			assertThat(line.object()).isEqualTo("storageclusters.core.libopenstorage.org");
			assertThat(line.result()).startsWith("Unable to connect to the server: ");
		});
	}

	private ApplyRun apply(InstallSpec spec, boolean dryRun, ClusterProperties properties) {
		ApplyRun run = newRun(dryRun);
		new Installer(properties).apply(run, client, plan(spec));
		return run;
	}

	private ApplyRun newRun(boolean dryRun) {
		return new ApplyRun("test", "2.8", Map.of(), Specs.SEED_QUERY, "/spec/2.8?" + Specs.SEED_QUERY, "kube-system",
				dryRun, true, cluster.info());
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
