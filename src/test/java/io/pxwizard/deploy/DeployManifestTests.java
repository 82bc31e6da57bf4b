package io.pxwizard.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.pxwizard.manifest.ManifestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/px-wizard.yaml parses and runs px-wizard as its README says. */
class DeployManifestTests {

	private final List<HasMetadata> objects = ManifestFixture.load(read());

	@Test
	void everyObjectIsThere() {
		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactly("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Secret",
					"PersistentVolumeClaim", "Deployment", "Service");
		ClusterRoleBinding binding = find(ClusterRoleBinding.class);
		assertThat(binding.getSubjects()).singleElement().satisfies((subject) -> {
			assertThat(subject.getName()).isEqualTo("px-wizard");
			assertThat(subject.getNamespace()).isEqualTo("px-wizard");
		});
	}

	@Test
	void deploymentRunsAsItsServiceAccountWithProbesAndALockedDownContainer() {
		Deployment deployment = find(Deployment.class);
		var pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(pod.getServiceAccountName()).isEqualTo("px-wizard");
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		Container container = pod.getContainers().get(0);
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getResources().getLimits()).containsKey("memory");
		assertThat(container.getEnv()).anySatisfy((env) -> {
			assertThat(env.getName()).isEqualTo("SERVER_ADDRESS");
			assertThat(env.getValue()).isEqualTo("0.0.0.0");
		});
		assertThat(container.getVolumeMounts()).extracting("mountPath").contains("/data", "/tmp");
	}

	@Test
	void thePostgresOverlayGivesTheSameContainerItsDatabaseFromASecret() {
		Deployment patch = (Deployment) ManifestFixture.load(read("postgres/use-postgres.yaml")).get(0);
		Deployment base = find(Deployment.class);
		Container patched = patch.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(patched.getName())
			.isEqualTo(base.getSpec().getTemplate().getSpec().getContainers().get(0).getName());
		assertThat(patch.getMetadata().getNamespace()).isEqualTo(base.getMetadata().getNamespace());
		String secretName = patched.getEnvFrom().get(0).getSecretRef().getName();
		Secret secret = (Secret) ManifestFixture.load(read("postgres/database-secret.yaml")).get(0);
		assertThat(secret.getMetadata().getName()).isEqualTo(secretName);
		// Spring Boot's relaxed binding of spring.datasource.*.
		assertThat(secret.getStringData()).containsOnlyKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD");
		assertThat(secret.getStringData().get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://");
		assertThat(read("postgres/kustomization.yaml")).contains("../px-wizard.yaml", "database-secret.yaml",
				"use-postgres.yaml");
	}

	@Test
	void theReplicasOverlayRunsTwoOnPostgresEachNamedInTheLeaseByItsPod() {
		assertThat(read("replicas/kustomization.yaml")).contains("../postgres", "two-replicas.yaml",
				"sticky-sessions.yaml");
		Deployment patch = (Deployment) ManifestFixture.load(read("replicas/two-replicas.yaml")).get(0);
		Deployment base = find(Deployment.class);
		assertThat(patch.getMetadata().getName()).isEqualTo(base.getMetadata().getName());
		assertThat(patch.getSpec().getReplicas()).isEqualTo(2);
		// The base's Recreate strategy would stop both replicas at once.
		assertThat(patch.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
		Container patched = patch.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(patched.getName())
			.isEqualTo(base.getSpec().getTemplate().getSpec().getContainers().get(0).getName());
		// Spring Boot's relaxed binding of px-wizard.lease.instance.
		assertThat(patched.getEnv()).singleElement().satisfies((env) -> {
			assertThat(env.getName()).isEqualTo("PX_WIZARD_LEASE_INSTANCE");
			assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
		});
		// The base's ReadWriteOnce claim would pin both replicas to one node.
		assertThat(patch.getSpec().getTemplate().getSpec().getVolumes()).singleElement().satisfies((volume) -> {
			assertThat(volume.getName()).isEqualTo("data");
			assertThat(volume.getPersistentVolumeClaim()).isNull();
			assertThat(volume.getEmptyDir()).isNotNull();
		});
		assertThat(base.getSpec().getTemplate().getSpec().getVolumes()).extracting("name").contains("data");
		io.fabric8.kubernetes.api.model.Service service = (io.fabric8.kubernetes.api.model.Service) ManifestFixture
			.load(read("replicas/sticky-sessions.yaml"))
			.get(0);
		assertThat(service.getMetadata().getName())
			.isEqualTo(find(io.fabric8.kubernetes.api.model.Service.class).getMetadata().getName());
		assertThat(service.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
	}

	private <T> T find(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

	private static String read() {
		return read("px-wizard.yaml");
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of("deploy", file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
