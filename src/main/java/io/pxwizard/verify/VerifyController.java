package io.pxwizard.verify;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.apply.ApplyRuns;
import io.pxwizard.apply.ApplyRuns.Start;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.KubernetesNames;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import io.pxwizard.cluster.PortworxStorageClasses;
import io.pxwizard.cluster.RunningPortworx;
import io.pxwizard.manifest.CustomRegistry;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code POST /verify}: Verify storage on a Portworx StorageClass of the connected
 * cluster, shown on the same progress page as an apply.
 */
@Controller
class VerifyController {

	private final ClusterConnection connection;

	private final ApplyRuns runs;

	private final StorageVerifier verifier;

	private final PortworxCatalog catalog;

	VerifyController(ClusterConnection connection, ApplyRuns runs, StorageVerifier verifier, PortworxCatalog catalog) {
		this.connection = connection;
		this.runs = runs;
		this.verifier = verifier;
		this.catalog = catalog;
	}

	@PostMapping("/verify")
	String verify(@RequestParam(defaultValue = "") String storageClass,
			@RequestParam(defaultValue = "kube-system") String ns, Principal principal, RedirectAttributes redirect) {
		if (!KubernetesNames.isDnsLabel(ns)) {
			ns = "kube-system";
		}
		Optional<ConnectedCluster> cluster = connection.current();
		if (cluster.isEmpty()) {
			return "redirect:/cluster";
		}
		KubernetesClient client = cluster.get().client();
		String image;
		try {
			boolean portworxClass = PortworxStorageClasses.find(client)
				.stream()
				.anyMatch((row) -> row.name().equals(storageClass));
			if (!portworxClass) {
				redirect.addFlashAttribute("verifyProblem", "verify.error.storageClass");
				return "redirect:/status?ns=" + ns + "#verify";
			}
			image = image(client);
		}
		catch (KubernetesClientException ex) {
			redirect.addFlashAttribute("verifyProblem", "verify.error.cluster");
			return "redirect:/status?ns=" + ns + "#verify";
		}
		Start start = runs.start(
				new ApplyRuns.Order(null, Map.of(), "", "/status?ns=" + ns, ns, false, true, ApplyRuns.actor(principal),
						ApplyRun.Action.VERIFY, cluster.get().info()),
				(run, runClient, plan) -> verifier.verify(run, runClient, storageClass, image));
		if (start instanceof Start.Started started) {
			return "redirect:/apply/runs/" + started.run().id();
		}
		if (start instanceof Start.Busy busy) {
			redirect.addFlashAttribute("busy", busy.holder());
			return "redirect:/apply/runs/" + busy.runId();
		}
		return "redirect:/cluster";
	}

	/**
	 * The disk scan's small image, moved by the running StorageCluster's custom registry
	 * as the operator moves Portworx's: an air-gapped cluster pulls it from its mirror
	 * (the finish page lists it among the images to mirror).
	 */
	private String image(KubernetesClient client) {
		String registry = RunningPortworx.storageClusters(client)
			.flatMap((clusters) -> clusters.stream().findFirst())
			.map((cluster) -> customImageRegistry(cluster))
			.orElse("");
		return new CustomRegistry(registry, catalog.images().publicRegistries()).resolve(catalog.diskScan().image());
	}

	private static String customImageRegistry(GenericKubernetesResource cluster) {
		String registry = cluster.get("spec", "customImageRegistry");
		return (registry != null) ? registry : "";
	}

}
