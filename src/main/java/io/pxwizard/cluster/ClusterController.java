package io.pxwizard.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cluster page: which cluster is connected, and the kubeconfig context picker. */
@Controller
class ClusterController {

	static final String VIEW = "cluster/cluster";

	private final ClusterConnection connection;

	ClusterController(ClusterConnection connection) {
		this.connection = connection;
	}

	@GetMapping("/cluster")
	String show(Model model) {
		model.addAttribute("contexts", connection.contexts());
		return VIEW;
	}

	@PostMapping("/cluster/context")
	String switchContext(@RequestParam String context, RedirectAttributes redirect) {
		if (!connection.contexts().contains(context)) {
			redirect.addFlashAttribute("problem", "cluster.unknownContext");
			return "redirect:/cluster";
		}
		try {
			connection.connect(context);
		}
		catch (KubernetesClientException ex) {
			redirect.addFlashAttribute("problem", "cluster.connectFailed");
		}
		return "redirect:/cluster";
	}

	@PostMapping("/cluster/disconnect")
	String disconnect() {
		connection.disconnect();
		return "redirect:/cluster";
	}

}
