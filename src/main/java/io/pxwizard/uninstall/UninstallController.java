package io.pxwizard.uninstall;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.apply.ApplyFailure;
import io.pxwizard.apply.ApplyRuns;
import io.pxwizard.apply.ApplyRuns.Start;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import io.pxwizard.cluster.PortworxVolumes;
import io.pxwizard.cluster.RunningPortworx;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;
import io.pxwizard.web.AppUrls;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Uninstall Portworx": the page that says what runs and which volumes would become
 * unusable, and asks for the delete strategy and the cluster's name typed; then the run,
 * shown on the same progress page as an apply. {@code /uninstall} works from what the
 * cluster runs (the status page links there); {@code /uninstall/{version}?…} from a spec
 * (a saved spec's page links there), whose operator objects are the ones removed.
 */
@Controller
class UninstallController {

	static final String PAGE = "uninstall/uninstall";

	private final ClusterConnection connection;

	private final SpecQuery specQuery;

	private final PortworxCatalog catalog;

	private final ApplyRuns runs;

	private final Uninstaller uninstaller;

	UninstallController(ClusterConnection connection, SpecQuery specQuery, PortworxCatalog catalog, ApplyRuns runs,
			Uninstaller uninstaller) {
		this.connection = connection;
		this.specQuery = specQuery;
		this.catalog = catalog;
		this.runs = runs;
		this.uninstaller = uninstaller;
	}

	@GetMapping("/uninstall")
	String page(Model model) {
		return show(null, SpecParameters.of(Map.of()), new UninstallForm(null, "", false), Map.of(), model);
	}

	@GetMapping("/uninstall/{version}")
	String pageOfSpec(@PathVariable String version, @RequestParam MultiValueMap<String, String> query, Model model) {
		return show(version, SpecParameters.of(query), new UninstallForm(null, "", false), Map.of(), model);
	}

	@PostMapping("/uninstall")
	String uninstall(@RequestParam(defaultValue = "") String strategy,
			@RequestParam(defaultValue = "") String clusterName,
			@RequestParam(defaultValue = "false") boolean volumesAccepted, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return start(null, SpecParameters.of(Map.of()), new UninstallForm(strategy, clusterName, volumesAccepted),
				principal, model, response, redirect);
	}

	@PostMapping("/uninstall/{version}")
	String uninstallSpec(@PathVariable String version, @RequestParam MultiValueMap<String, String> form,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		SpecParameters all = SpecParameters.of(form);
		UninstallForm answers = new UninstallForm(all.get(UninstallForm.STRATEGY),
				Optional.ofNullable(all.get(UninstallForm.CLUSTER_NAME)).orElse(""),
				all.isTrue(UninstallForm.VOLUMES_ACCEPTED));
		SpecParameters spec = all.replacing(
				Set.of(UninstallForm.STRATEGY, UninstallForm.CLUSTER_NAME, UninstallForm.VOLUMES_ACCEPTED), Map.of());
		return start(version, spec, answers, principal, model, response, redirect);
	}

	private String start(String version, SpecParameters parameters, UninstallForm form, Principal principal,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<ConnectedCluster> cluster = connection.current();
		if (cluster.isEmpty()) {
			return "redirect:/cluster";
		}
		Target target;
		try {
			target = target(cluster.get().client());
		}
		catch (KubernetesClientException ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return show(version, parameters, form, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>(
				form.errors(confirmName(target, cluster.get()), !target.volumes().isEmpty()));
		InstallSpec spec = spec(version, parameters, target);
		if (!specQuery.namespace(spec).equals(target.namespace())) {
			errors.put(UninstallForm.SPEC, "uninstall.error.namespace");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(version, parameters, form, errors, model);
		}
		String query = specQuery.queryString(spec);
		DeleteStrategy strategy = form.strategy().orElseThrow();
		String confirmedName = (target.running() != null) ? target.running().name() : null;
		Start start = runs.start(
				new ApplyRuns.Order(spec, specQuery.parameters(spec), query, AppUrls.spec(spec.version(), query),
						specQuery.namespace(spec), false, true, ApplyRuns.actor(principal), strategy.action(),
						cluster.get().info()),
				(run, client, plan) -> uninstaller.uninstall(run, client, plan, strategy, confirmedName,
						form.volumesAccepted()));
		if (start instanceof Start.Started started) {
			return "redirect:/apply/runs/" + started.run().id();
		}
		if (start instanceof Start.Busy busy) {
			redirect.addFlashAttribute("busy", busy.holder());
			return "redirect:/apply/runs/" + busy.runId();
		}
		if (start instanceof Start.Switched) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return show(version, parameters, form, Map.of(UninstallForm.SPEC, "uninstall.error.switched"), model);
		}
		return "redirect:/cluster";
	}

	private String show(String version, SpecParameters parameters, UninstallForm form, Map<String, String> errors,
			Model model) {
		if (version != null) {
			// A spec that does not read is refused before anything is looked at.
			spec(version, parameters, (Target) null);
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("strategies", DeleteStrategy.values());
		Optional<ConnectedCluster> cluster = connection.current();
		if (cluster.isEmpty()) {
			return PAGE;
		}
		Target target;
		try {
			target = target(cluster.get().client());
		}
		catch (KubernetesClientException ex) {
			model.addAttribute("clusterError", ApplyFailure.describe(ex));
			return PAGE;
		}
		model.addAttribute("target", target);
		runs.running(cluster.get().info()).ifPresent((run) -> model.addAttribute("runGoingOn", run));
		model.addAttribute("confirmName", confirmName(target, cluster.get()));
		InstallSpec spec = spec(version, parameters, target);
		if (!specQuery.namespace(spec).equals(target.namespace())) {
			model.addAttribute("specNamespace", specQuery.namespace(spec));
		}
		String query = specQuery.queryString(spec);
		model.addAttribute("specUrl", AppUrls.spec(spec.version(), query));
		model.addAttribute("specVersion", spec.version());
		model.addAttribute("action", (version != null) ? AppUrls.uninstall(version, query) : "/uninstall");
		return PAGE;
	}

	/** What runs and what uses it, read when the page is shown and again on submit. */
	private static Target target(KubernetesClient client) {
		Optional<RunningPortworx> running = RunningPortworx.find(client);
		String operatorNamespace = client.apps()
			.deployments()
			.inAnyNamespace()
			.list()
			.getItems()
			.stream()
			.filter((deployment) -> PortworxApi.OPERATOR.equals(deployment.getMetadata().getName()))
			.map((deployment) -> deployment.getMetadata().getNamespace())
			.findFirst()
			.orElse(null);
		return new Target(running.orElse(null), operatorNamespace, PortworxVolumes.find(client));
	}

	/**
	 * The name the administrator types: the StorageCluster's, as the Portworx cluster is
	 * called, or the kubeconfig context's when only the operator is left.
	 */
	private static String confirmName(Target target, ConnectedCluster cluster) {
		return (target.running() != null) ? target.running().name() : cluster.info().context();
	}

	/**
	 * The spec whose plan names what is removed: the one given, else one of the running
	 * release (or the newest) with the StorageCluster's name and namespace.
	 */
	private InstallSpec spec(String version, SpecParameters parameters, Target target) {
		if (version != null) {
			SpecReading reading = specQuery.read(version, parameters);
			if (!reading.isValid() || !reading.spec().usesOperator()) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"Not a spec px-wizard can uninstall with: open it to see which field");
			}
			return reading.spec();
		}
		RunningPortworx running = (target != null) ? target.running() : null;
		if (running == null) {
			String newest = catalog.newestRelease().version();
			String namespace = (target != null) ? target.namespace() : null;
			return specQuery
				.read(newest,
						(namespace != null) ? specQuery.forRunningCluster(newest, null, namespace)
								: specQuery.newSpec(newest))
				.spec();
		}
		String release = releaseOf(running);
		return specQuery.read(release, specQuery.forRunningCluster(release, running.name(), running.namespace()))
			.spec();
	}

	/** The catalogue's release line of what runs ("2.8" for 2.8.1.5), else the newest. */
	private String releaseOf(RunningPortworx running) {
		if (running.version() == null) {
			return catalog.newestRelease().version();
		}
		String runs = running.version().toString();
		return catalog.releases()
			.stream()
			.map(PortworxRelease::version)
			.filter((line) -> runs.equals(line) || runs.startsWith(line + "."))
			.findFirst()
			.orElse(catalog.newestRelease().version());
	}

	/**
	 * What the page shows.
	 *
	 * @param running the StorageCluster, {@code null} when there is none
	 * @param operatorNamespace where the Portworx operator Deployment is, {@code null}
	 * when there is none
	 * @param volumes the Portworx volumes and what uses them
	 */
	public record Target(RunningPortworx running, String operatorNamespace, PortworxVolumes volumes) {

		/** Whether there is anything to uninstall. */
		public boolean isEmpty() {
			return running == null && operatorNamespace == null;
		}

		/** Where Portworx runs: the StorageCluster's namespace, else the operator's. */
		public String namespace() {
			return (running != null) ? running.namespace() : operatorNamespace;
		}

	}

}
