package io.pxwizard.apply;

import java.security.Principal;
import java.util.Optional;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.RunningPortworx;
import io.pxwizard.web.AppUrls;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.diskscan.DiskScans;
import io.pxwizard.disks.ScanSummary;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;
import io.pxwizard.apply.ApplyRuns.Start;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;

import org.springframework.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Apply to cluster: the preflight panel of the finish page, starting an apply (or a
 * server-side dry run), and its progress page, whose list of lines re-renders itself
 * until the apply ends.
 */
@Controller
class ApplyController {

	private static final Logger logger = LoggerFactory.getLogger(ApplyController.class);

	static final String PAGE = "install/apply";

	static final String PROGRESS = "install/apply :: progress";

	static final String HELD = "install/held";

	static final String PREFLIGHT = "install/preflight :: panel";

	static final String CONFIRM = "install/confirm";

	private final SpecQuery specQuery;

	private final ClusterConnection connection;

	private final ManifestSource source;

	private final Preflight preflight;

	private final ApplyRuns runs;

	private final DiskScans scans;

	private final Installer installer;

	ApplyController(DiskScans scans, SpecQuery specQuery, ClusterConnection connection, ManifestSource source,
			Preflight preflight, ApplyRuns runs, Installer installer) {
		this.installer = installer;
		this.scans = scans;
		this.specQuery = specQuery;
		this.connection = connection;
		this.source = source;
		this.preflight = preflight;
		this.runs = runs;
	}

	/**
	 * The preflight panel, loaded by the finish page once it is shown, so a slow cluster
	 * never holds it up.
	 */
	@GetMapping("/preflight/{version}")
	String preflight(@PathVariable String version, @RequestParam MultiValueMap<String, String> query, Model model) {
		SpecReading reading = specQuery.read(version, SpecParameters.of(query));
		Optional<ConnectedCluster> cluster = connection.current();
		if (!reading.isValid() || cluster.isEmpty()) {
			return PREFLIGHT;
		}
		InstallSpec spec = reading.spec();
		Preflight.Result result;
		try {
			KubernetesClient client = cluster.get().client();
			ApplyPlan plan = source.plan(spec, true, client);
			result = preflight.run(client, plan);
			// "Upgrade Portworx 2.8.1.5 to 3.1.9" over the checks when Apply would
			// upgrade.
			RunningPortworx.find(client)
				.ifPresent((running) -> ReleaseGuard.upgradeTarget(running, client, plan).ifPresent((target) -> {
					model.addAttribute("upgradeFrom", (running.version() != null) ? running.version() : "?");
					model.addAttribute("upgradeTo", target);
				}));
		}
		catch (RuntimeException ex) {
			// The panel is loaded into the finish page by htmx: it answers in words,
			// never with an error page.
			logger.warn("Preflight failed", ex);
			model.addAttribute("preflightError", ApplyFailure.describe(ex));
			return PREFLIGHT;
		}
		model.addAttribute("preflight", result);
		model.addAttribute("scanUrl", "/scan/" + AppUrls.segment(version) + "?" + specQuery.queryString(spec));
		model.addAttribute("scanAction", "/scan/" + AppUrls.segment(version));
		model.addAttribute("specParameters", specQuery.parameters(spec));
		if (spec.basic().kubernetesVersion().isEmpty() && result.kubernetesVersion() != null) {
			model.addAttribute("kbverUrl", AppUrls.spec(version,
					specQuery.queryStringWithKubernetesVersion(spec, result.kubernetesVersion())));
		}
		return PREFLIGHT;
	}

	@PostMapping("/apply/{version}")
	String apply(@PathVariable String version, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "false") boolean confirmed, Principal principal, Model model,
			RedirectAttributes redirect) {
		SpecReading reading = specQuery.read(version, SpecParameters.of(form));
		if (!reading.isValid()) {
			return "redirect:" + AppUrls.spec(version, specQuery.queryString(version, SpecParameters.of(form).asMap()));
		}
		InstallSpec spec = reading.spec();
		String query = specQuery.queryString(spec);
		if (!spec.usesOperator()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Apply needs the Portworx Operator");
		}
		boolean local = AppUrls.LOCAL_SOURCE.equals(source);
		if (!dryRun && !confirmed
				&& scans.last(spec).filter((scan) -> scan.verdict() == ScanSummary.Verdict.FAIL).isPresent()) {
			// The last disk scan says the px pods would never come up: the administrator
			// decides, knowingly.
			model.addAttribute("specParameters", specQuery.parameters(spec));
			model.addAttribute("source", source);
			model.addAttribute("version", version);
			model.addAttribute("scanUrl", "/scan/" + AppUrls.segment(version) + "?" + query);
			return CONFIRM;
		}
		if (local && !spec.rendersLocally()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"px-wizard cannot render this spec itself: it does " + "not model "
							+ spec.kept().stream().map(Object::toString).collect(Collectors.joining(", ")));
		}
		Start start = runs.start(new ApplyRuns.Order(spec, specQuery.parameters(spec), query,
				AppUrls.spec(version, query), specQuery.namespace(spec), dryRun, local, ApplyRuns.actor(principal)),
				installer::apply);
		if (start instanceof Start.Started started) {
			return "redirect:/apply/runs/" + started.run().id();
		}
		if (start instanceof Start.Busy busy) {
			redirect.addFlashAttribute("busy", busy.holder());
			return "redirect:/apply/runs/" + busy.runId();
		}
		return "redirect:/cluster";
	}

	@GetMapping("/apply/runs/{id}")
	String run(@PathVariable String id, Model model) {
		Optional<ApplyRun> run = runs.get(id);
		if (run.isEmpty()) {
			// A run the cluster's Lease names but this database does not hold (another
			// px-wizard on its own database): who holds the cluster, in words.
			model.addAttribute("holder",
					runs.holderOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
			return HELD;
		}
		model.addAttribute("run", run.get());
		return PAGE;
	}

	@GetMapping("/apply/runs/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		model.addAttribute("run", find(id));
		return PROGRESS;
	}

	private ApplyRun find(String id) {
		return runs.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
