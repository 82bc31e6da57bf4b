package io.pxwizard.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
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

	private <T> T find(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

	private static String read() {
		try {
			return Files.readString(Path.of("deploy", "px-wizard.yaml"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
