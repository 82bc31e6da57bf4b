package io.pxwizard.manifest;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1beta1.PodSecurityPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorManifestTests {

	private final ManifestFixture fixture = new ManifestFixture();

	@Test
	void seedOperatorIsServiceAccountRbacAndDeploymentOfTheReleasesOperator() {
		List<HasMetadata> objects = ManifestFixture
			.load(fixture.manifests.operatorYaml(fixture.specQuery.operatorRequest(fixture.seed())));
		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactly("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment");
		assertThat(objects.get(0)).isInstanceOf(ServiceAccount.class);
		ClusterRole role = (ClusterRole) objects.get(1);
		assertThat(role.getRules()).hasSize(1);
		assertThat(role.getRules().get(0).getVerbs()).containsExactly("*");
		ClusterRoleBinding binding = (ClusterRoleBinding) objects.get(2);
		assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo("kube-system");
		Deployment deployment = (Deployment) objects.get(3);
		assertThat(deployment.getMetadata().getName()).isEqualTo("portworx-operator");
		assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry("name", "portworx-operator");
		var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getImage()).isEqualTo("portworx/px-operator:1.5.2");
		assertThat(container.getCommand()).containsExactly("/operator", "--verbose", "--driver=portworx",
				"--leader-elect=true");
		assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("portworx-operator");
	}

	@Test
	void newerOperatorsStayVerboseAsInstallPortworxComServesThem() {
		// Real ?comp=pxoperator manifests keep --verbose with operators 1.7.1, 1.8.1,
		// 1.10.4 and 23.7.0.
		InstallSpec spec = fixture.spec("3.1", Specs.seedParameters());
		Deployment deployment = deployment(fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec)));
		assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
			.containsExactly("/operator", "--verbose", "--driver=portworx", "--leader-elect=true");
		assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.isEqualTo("portworx/px-operator:" + fixture.catalog.release("3.1").orElseThrow().operatorVersion());
	}

	@Test
	void podSecurityPolicyOnlyBelowKubernetes125() {
		assertThat(OperatorManifest.needsPodSecurityPolicy("")).isFalse();
		assertThat(OperatorManifest.needsPodSecurityPolicy("1.24.9")).isTrue();
		assertThat(OperatorManifest.needsPodSecurityPolicy("v1.21")).isTrue();
		assertThat(OperatorManifest.needsPodSecurityPolicy("1.25.0")).isFalse();
		assertThat(OperatorManifest.needsPodSecurityPolicy("1.30")).isFalse();
		assertThat(OperatorManifest.needsPodSecurityPolicy("1.23.13-eks-fb459a0")).isTrue();
		assertThat(OperatorManifest.needsPodSecurityPolicy("v1.29.4+k3s1")).isFalse();
		List<HasMetadata> old = fixture.manifests
			.operatorObjects(fixture.specQuery.operatorRequest(fixture.seedWith("kbver", "1.21.3")));
		assertThat(old).extracting(HasMetadata::getKind).contains("PodSecurityPolicy");
		ClusterRole role = (ClusterRole) old.stream().filter((o) -> o instanceof ClusterRole).findFirst().orElseThrow();
		assertThat(role.getRules())
			.anySatisfy((rule) -> assertThat(rule.getResourceNames()).containsExactly("px-operator"));
		// The operator's own policy, not a privileged one (deploy/podsecuritypolicy.yaml;
		// real 2.13 manifest).
		PodSecurityPolicy policy = (PodSecurityPolicy) old.stream()
			.filter((o) -> o instanceof PodSecurityPolicy)
			.findFirst()
			.orElseThrow();
		assertThat(policy.getSpec().getPrivileged()).isNotEqualTo(Boolean.TRUE);
		assertThat(policy.getSpec().getAllowPrivilegeEscalation()).isFalse();
		assertThat(policy.getSpec().getReadOnlyRootFilesystem()).isFalse();
		assertThat(policy.getSpec().getVolumes()).containsExactly("secret");
		assertThat(policy.getSpec().getHostNetwork()).isNotEqualTo(Boolean.TRUE);
		assertThat(policy.getSpec().getAllowedCapabilities()).isNullOrEmpty();
		assertThat(List.of(policy.getSpec().getRunAsUser().getRule(), policy.getSpec().getSeLinux().getRule(),
				policy.getSpec().getSupplementalGroups().getRule(), policy.getSpec().getFsGroup().getRule()))
			.containsOnly("RunAsAny");
	}

	@Test
	void namespaceIsCreatedWhenChosen() {
		List<HasMetadata> objects = fixture.manifests
			.operatorObjects(fixture.specQuery.operatorRequest(fixture.seedWith("ns", "portworx")));
		assertThat(objects.get(0).getKind()).isEqualTo("Namespace");
		assertThat(objects.get(0).getMetadata().getName()).isEqualTo("portworx");
		assertThat(objects.subList(1, objects.size())).filteredOn((o) -> o.getMetadata().getNamespace() != null)
			.allSatisfy((o) -> assertThat(o.getMetadata().getNamespace()).isEqualTo("portworx"));
	}

	@Test
	void registryWithAPathHoldsTheOperatorImageByNameAndTheStorageClusterLeavesItToTheOperator() {
		InstallSpec spec = fixture.seedWith("reg", "registry.example.com:5000/px", "rsec", "regcred");
		String all = fixture.manifests.allYaml(spec);
		List<String> images = new ArrayList<>();
		for (HasMetadata object : ManifestFixture.load(all)) {
			if (object instanceof Deployment deployment) {
				deployment.getSpec().getTemplate().getSpec().getContainers().forEach((c) -> images.add(c.getImage()));
				assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets()).extracting("name")
					.containsExactly("regcred");
			}
			if (object instanceof GenericKubernetesResource cluster) {
				images.add((String) ((java.util.Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("image"));
			}
		}
		// Air-gapped layout <registry>/<path>/<name>:<tag>: the kubelet pulls the
		// operator from there; the operator
		// moves spec.image itself by customImageRegistry, so a prefixed spec.image would
		// be moved twice.
		assertThat(images).containsExactly("registry.example.com:5000/px/px-operator:1.5.2",
				"portworx/oci-monitor:2.8.1.5");
		assertThat(all).contains("customImageRegistry: registry.example.com:5000/px\n");
	}

	@Test
	void registryWithoutAPathKeepsTheImagesRepository() {
		InstallSpec spec = fixture.seedWith("reg", "registry.example.com:5000");
		Deployment deployment = deployment(fixture.manifests.operatorObjects(fixture.specQuery.operatorRequest(spec)));
		assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.isEqualTo("registry.example.com:5000/portworx/px-operator:1.5.2");
		assertThat(fixture.clusterSpec.draft(spec).paths()).containsEntry("image", "portworx/oci-monitor:2.8.1.5")
			.containsEntry("customImageRegistry", "registry.example.com:5000");
	}

	@Test
	void allYamlIsOperatorFirstThenTheCluster() {
		List<HasMetadata> objects = ManifestFixture.load(fixture.manifests.allYaml(fixture.seed()));
		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactly("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment", "StorageCluster",
					"Secret");
		assertThat(objects.get(5)).isInstanceOf(Secret.class);
	}

	private static Deployment deployment(List<HasMetadata> objects) {
		return (Deployment) objects.stream().filter((o) -> o instanceof Deployment).findFirst().orElseThrow();
	}

}
