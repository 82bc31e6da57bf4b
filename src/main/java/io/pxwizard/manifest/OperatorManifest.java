package io.pxwizard.manifest;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1beta1.PodSecurityPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.KubernetesVersion;
import io.pxwizard.model.OperatorRequest;

import org.springframework.stereotype.Component;

/**
 * What {@code ?comp=pxoperator} returns: the Portworx operator's ServiceAccount, RBAC and
 * Deployment (shape of libopenstorage/operator {@code deploy/}); the operator registers
 * the StorageCluster CRD itself when it starts.
 */
@Component
public class OperatorManifest {

	private static final String NAME = PortworxApi.OPERATOR;

	private static final String PSP_NAME = "px-operator";

	/** Kubernetes removed PodSecurityPolicy in 1.25. */
	private static final int[] FIRST_KUBERNETES_WITHOUT_PSP = { 1, 25 };

	private final PortworxCatalog catalog;

	OperatorManifest(PortworxCatalog catalog) {
		this.catalog = catalog;
	}

	public List<HasMetadata> objects(OperatorRequest request) {
		String namespace = request.namespace().isEmpty() ? catalog.defaults().namespace() : request.namespace();
		boolean podSecurityPolicy = needsPodSecurityPolicy(request.kubernetesVersion());
		List<HasMetadata> objects = new ArrayList<>();
		if (!request.namespace().isEmpty() && !namespace.equals(catalog.defaults().namespace())) {
			objects.add(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
		}
		objects.add(new ServiceAccountBuilder().withNewMetadata()
			.withName(NAME)
			.withNamespace(namespace)
			.endMetadata()
			.build());
		if (podSecurityPolicy) {
			objects.add(podSecurityPolicy());
		}
		objects.add(clusterRole(podSecurityPolicy));
		objects.add(new ClusterRoleBindingBuilder().withNewMetadata()
			.withName(NAME)
			.endMetadata()
			.addNewSubject()
			.withKind("ServiceAccount")
			.withName(NAME)
			.withNamespace(namespace)
			.endSubject()
			.withNewRoleRef()
			.withKind("ClusterRole")
			.withName(NAME)
			.withApiGroup("rbac.authorization.k8s.io")
			.endRoleRef()
			.build());
		objects.add(deployment(request, namespace));
		return objects;
	}

	/**
	 * Only for a Kubernetes version known to be below 1.25; an empty {@code kbver} means
	 * a current cluster.
	 */
	static boolean needsPodSecurityPolicy(String kubernetesVersion) {
		return KubernetesVersion.parse(kubernetesVersion)
			.map((version) -> version.isBefore(FIRST_KUBERNETES_WITHOUT_PSP[0], FIRST_KUBERNETES_WITHOUT_PSP[1]))
			.orElse(false);
	}

	private HasMetadata clusterRole(boolean podSecurityPolicy) {
		ClusterRoleBuilder role = new ClusterRoleBuilder().withNewMetadata()
			.withName(NAME)
			.endMetadata()
			.addToRules(new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build());
		if (podSecurityPolicy) {
			role.addToRules(new PolicyRuleBuilder().withApiGroups("policy")
				.withResources("podsecuritypolicies")
				.withResourceNames(PSP_NAME)
				.withVerbs("use")
				.build());
		}
		return role.build();
	}

	/**
	 * The operator's own policy: it only mounts its service account token and runs
	 * unprivileged (libopenstorage/operator {@code deploy/podsecuritypolicy.yaml}; the
	 * Helm chart writes the same).
	 */
	private static HasMetadata podSecurityPolicy() {
		return new PodSecurityPolicyBuilder().withNewMetadata()
			.withName(PSP_NAME)
			.endMetadata()
			.withNewSpec()
			.withAllowPrivilegeEscalation(false)
			.withReadOnlyRootFilesystem(false)
			.withVolumes("secret")
			.withNewRunAsUser()
			.withRule("RunAsAny")
			.endRunAsUser()
			.withNewSeLinux()
			.withRule("RunAsAny")
			.endSeLinux()
			.withNewSupplementalGroups()
			.withRule("RunAsAny")
			.endSupplementalGroups()
			.withNewFsGroup()
			.withRule("RunAsAny")
			.endFsGroup()
			.endSpec()
			.build();
	}

	private HasMetadata deployment(OperatorRequest request, String namespace) {
		String operatorVersion = request.release().operatorVersion();
		// install.portworx.com keeps --verbose for every operator (real manifests with
		// 1.7.1, 1.8.1, 1.10.4, 23.7.0).
		List<String> command = List.of("/operator", "--verbose", "--driver=portworx", "--leader-elect=true");
		CustomRegistry registry = new CustomRegistry(request.registry().registry(),
				catalog.images().publicRegistries());
		DeploymentBuilder deployment = new DeploymentBuilder();
		deployment.withNewMetadata()
			.withName(NAME)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withNewStrategy()
			.withType("RollingUpdate")
			.withNewRollingUpdate()
			.withNewMaxSurge(1)
			.withNewMaxUnavailable(1)
			.endRollingUpdate()
			.endStrategy()
			.withReplicas(1)
			.withNewSelector()
			.addToMatchLabels("name", NAME)
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels("name", NAME)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName(NAME)
			.withImage(registry.resolve(catalog.images().operator() + ":" + operatorVersion))
			.withImagePullPolicy(request.registry().effectivePullPolicy())
			.withCommand(command)
			.withEnv(new EnvVarBuilder().withName("OPERATOR_NAME").withValue(NAME).build(),
					new EnvVarBuilder().withName("POD_NAME")
						.withNewValueFrom()
						.withNewFieldRef()
						.withFieldPath("metadata.name")
						.endFieldRef()
						.endValueFrom()
						.build())
			.endContainer()
			.withNewAffinity()
			.withNewPodAntiAffinity()
			.addNewRequiredDuringSchedulingIgnoredDuringExecution()
			.withNewLabelSelector()
			.addNewMatchExpression()
			.withKey("name")
			.withOperator("In")
			.withValues(NAME)
			.endMatchExpression()
			.endLabelSelector()
			.withTopologyKey("kubernetes.io/hostname")
			.endRequiredDuringSchedulingIgnoredDuringExecution()
			.endPodAntiAffinity()
			.endAffinity()
			.withServiceAccountName(NAME)
			.endSpec()
			.endTemplate()
			.endSpec();
		if (!request.registry().pullSecret().isEmpty()) {
			deployment.editSpec()
				.editTemplate()
				.editSpec()
				.addNewImagePullSecret(request.registry().pullSecret())
				.endSpec()
				.endTemplate()
				.endSpec();
		}
		return deployment.build();
	}

}
