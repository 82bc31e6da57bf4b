package io.pxwizard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.cluster.ClusterInfo;
import io.pxwizard.apply.ApplyPlan;
import io.pxwizard.apply.ApplyRunProbe;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.simulation.SimulatedCluster;
import io.pxwizard.model.InstallSpec;

/**
 * Applying the seed spec with px-wizard's Installer, against the same objects applied one by one with a bare fabric8
 * client (server-side apply, same field manager), on the simulated cluster once the operator is up (so the waits are
 * already satisfied; their cost is measured separately).
 */
public final class ApplyBench {

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 50;
		ManifestFixture fixture = new ManifestFixture();
		InstallSpec spec = fixture.seed();
		List<HasMetadata> operator = fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec));
		List<HasMetadata> cluster = fixture.manifests.clusterObjects(spec);
		ApplyPlan plan = new ApplyPlan(operator, cluster, "kube-system");
		List<HasMetadata> all = new ArrayList<>(operator);
		all.addAll(cluster);
		try (SimulatedCluster simulated = SimulatedCluster.start(Duration.ofMillis(20));
				KubernetesClient client = simulated.createClient()) {
			ClusterInfo info = simulated.info();
			// First apply brings the operator up and registers the CRD.
			ApplyRunProbe first = ApplyRunProbe.apply(client, plan, info, Duration.ofSeconds(30));
			if (!first.succeeded()) {
				throw new IllegalStateException(first.lines().toString());
			}
			simulated.operator().pause(true);
			Stats wizard = new Stats();
			Stats bare = new Stats();
			for (int i = 0; i < rounds + 5; i++) {
				// Alternate which goes first, so neither profits from the other's warm caches.
				long wizardTime = 0;
				if (i % 2 == 0) {
					long start = System.nanoTime();
					ApplyRunProbe.apply(client, plan, info, Duration.ofSeconds(30));
					wizardTime = System.nanoTime() - start;
				}
				long start = System.nanoTime();
				for (HasMetadata object : all) {
					if (object.getKind().equals("StorageCluster")) {
						client.genericKubernetesResources(io.pxwizard.cluster.PortworxResources.STORAGE_CLUSTERS)
							.inNamespace("kube-system")
							.resource((io.fabric8.kubernetes.api.model.GenericKubernetesResource) object)
							.fieldManager("px-wizard")
							.forceConflicts()
							.serverSideApply();
					}
					else {
						client.resource(object).fieldManager("px-wizard").forceConflicts().serverSideApply();
					}
				}
				long bareTime = System.nanoTime() - start;
				if (i % 2 == 1) {
					start = System.nanoTime();
					ApplyRunProbe.apply(client, plan, info, Duration.ofSeconds(30));
					wizardTime = System.nanoTime() - start;
				}
				if (i >= 5) {
					wizard.add(wizardTime / 1000);
					bare.add(bareTime / 1000);
				}
			}
			Stats waits = new Stats();
			for (int i = 0; i < rounds; i++) {
				long start = System.nanoTime();
				// The Installer checks a satisfied wait with one GET each.
				client.apps().deployments().inNamespace("kube-system").withName("portworx-operator").get();
				client.apiextensions().v1().customResourceDefinitions().withName("storageclusters.core.libopenstorage.org").get();
				waits.add((System.nanoTime() - start) / 1000);
			}
			double wizardMedian = wizard.percentileMillis(50);
			double waitMedian = waits.percentileMillis(50);
			double bareMedian = bare.percentileMillis(50);
			System.out.printf("apply of %d objects, median of %d (ms): px-wizard %.1f (of which the two satisfied waits %.1f)"
					+ " -> %.1f without waits | bare fabric8 %.1f | ratio without waits %.2f%n", all.size(), rounds,
					wizardMedian, waitMedian, wizardMedian - waitMedian, bareMedian, (wizardMedian - waitMedian) / bareMedian);
		}
		System.exit(0);
	}

}
