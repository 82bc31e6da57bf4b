package io.pxwizard.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.cluster.ClusterLease.Claim;
import io.pxwizard.simulation.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The cluster's Lease between two px-wizard instances: taken, held and renewed, released,
 * taken over once its holder stopped renewing, and a race lost on the resourceVersion.
 */
class ClusterLeaseTests {

	private SimulatedCluster cluster;

	private KubernetesClient client;

	private final ClusterLease a = new ClusterLease(
			new LeaseProperties("kube-system", "px-wizard", Duration.ofSeconds(3), "replica-a"));

	private final ClusterLease b = new ClusterLease(
			new LeaseProperties("kube-system", "px-wizard", Duration.ofSeconds(3), "replica-b"));

	@BeforeEach
	void startCluster() {
		cluster = SimulatedCluster.start(Duration.ofMillis(50));
		client = cluster.createClient();
	}

	@AfterEach
	void stop() {
		a.destroy();
		b.destroy();
		client.close();
		cluster.close();
	}

	@Test
	void oneInstanceHoldsTheClusterTheOtherIsToldWhoAndTakesItOnceReleased() {
		Claim first = a.acquire(client, "run-1", "APPLY", "olga");
		assertThat(first).isInstanceOf(Claim.Taken.class);
		assertThat(((Claim.Taken) first).expired()).isEmpty();
		Lease lease = lease();
		assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("replica-a");
		assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(3);
		assertThat(lease.getMetadata().getAnnotations()).containsEntry("px-wizard.io/run", "run-1")
			.containsEntry("px-wizard.io/action", "APPLY")
			.containsEntry("px-wizard.io/actor", "olga");

		Claim second = b.acquire(client, "run-2", "UNINSTALL", "");
		assertThat(second).isInstanceOfSatisfying(Claim.HeldBy.class, (held) -> {
			assertThat(held.holder().instance()).isEqualTo("replica-a");
			assertThat(held.holder().runId()).isEqualTo("run-1");
			assertThat(held.holder().actor()).isEqualTo("olga");
		});

		((Claim.Taken) first).held().release();
		assertThat(lease().getSpec().getHolderIdentity()).isNull();
		Claim third = b.acquire(client, "run-2", "UNINSTALL", "");
		assertThat(third).isInstanceOf(Claim.Taken.class);
		// A released Lease is no dead holder.
		assertThat(((Claim.Taken) third).expired()).isEmpty();
		assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("replica-b");
		assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
		((Claim.Taken) third).held().release();
	}

	@Test
	void aHolderRenewsWhileItRunsSoTheLeaseNeverExpiresUnderIt() {
		Claim.Taken taken = (Claim.Taken) a.acquire(client, "run-1", "APPLY", "");
		Instant acquired = lease().getSpec().getRenewTime().toInstant();
		// Renewed every second (a third of the duration): after twice the duration it
		// is still held.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> lease().getSpec().getRenewTime().toInstant().isAfter(acquired.plusSeconds(5)));
		assertThat(b.acquire(client, "run-2", "APPLY", "")).isInstanceOf(Claim.HeldBy.class);
		assertThat(taken.held().isLost()).isFalse();
		taken.held().release();
	}

	@Test
	void aHolderThatStoppedRenewingIsTakenOverAfterTheDurationAndNamed() {
		a.acquire(client, "run-1", "APPLY", "olga");
		// Instance a dies: nothing renews its Lease any more.
		a.destroy();
		assertThat(b.acquire(client, "run-2", "APPLY", "")).isInstanceOf(Claim.HeldBy.class);
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Claim claim = b.acquire(client, "run-2", "APPLY", "");
			if (claim instanceof Claim.Taken taken) {
				assertThat(taken.expired()).hasValueSatisfying((dead) -> {
					assertThat(dead.instance()).isEqualTo("replica-a");
					assertThat(dead.runId()).isEqualTo("run-1");
				});
				taken.held().release();
				return true;
			}
			return false;
		});
	}

	@Test
	void ofTwoWritesOnTheSameResourceVersionTheSecondIsRefused() {
		Lease created = client.leases()
			.inNamespace("kube-system")
			.resource(new LeaseBuilder().withNewMetadata()
				.withNamespace("kube-system")
				.withName("px-wizard")
				.endMetadata()
				.withNewSpec()
				.endSpec()
				.build())
			.create();
		// Another instance writes it after this one read it.
		client.leases()
			.inNamespace("kube-system")
			.resource(new LeaseBuilder(created).editSpec().withHolderIdentity("replica-b").endSpec().build())
			.update();
		assertThatThrownBy(() -> client.leases()
			.inNamespace("kube-system")
			.resource(new LeaseBuilder(created).editSpec()
				.withHolderIdentity("replica-a")
				.withRenewTime(Instant.now().atZone(ZoneOffset.UTC))
				.endSpec()
				.build())
			.update())
			.isInstanceOfSatisfying(KubernetesClientException.class, (ex) -> assertThat(ex.getCode()).isEqualTo(409));
	}

	private Lease lease() {
		return client.leases().inNamespace("kube-system").withName("px-wizard").get();
	}

}
