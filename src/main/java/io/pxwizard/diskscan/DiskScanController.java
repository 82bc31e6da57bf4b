package io.pxwizard.diskscan;

import java.util.Locale;
import java.util.Optional;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.disks.DeviceVerdict;
import io.pxwizard.disks.NodeDisks;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;
import io.pxwizard.web.AppUrls;
import io.pxwizard.web.ClientKind;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The disk preflight of a spec, {@code /scan/{version}?<parameters>}: a page that scans
 * on request (the scan creates short-lived pods, so it is a POST with the CSRF token),
 * and for curl the scan's result as text.
 */
@Controller
class DiskScanController {

	static final String PAGE = "diskscan/scan";

	static final String RESULT = "diskscan/scan :: result";

	private final SpecQuery specQuery;

	private final DiskScans scans;

	private final DiskScanner scanner;

	private final ClusterConnection connection;

	private final MessageSource messages;

	DiskScanController(SpecQuery specQuery, DiskScans scans, DiskScanner scanner, ClusterConnection connection,
			MessageSource messages) {
		this.specQuery = specQuery;
		this.scans = scans;
		this.scanner = scanner;
		this.connection = connection;
		this.messages = messages;
	}

	@GetMapping("/scan/{version}")
	Object page(@PathVariable String version, @RequestParam MultiValueMap<String, String> query,
			HttpServletRequest request, Model model, Locale locale) {
		InstallSpec spec = spec(version, query);
		if (!ClientKind.wantsHtml(request)) {
			return text(spec, locale);
		}
		page(model, spec);
		scans.last(spec).ifPresent((scan) -> model.addAttribute("scan", scan));
		return PAGE;
	}

	@PostMapping("/scan/{version}")
	String scan(@PathVariable String version, @RequestParam MultiValueMap<String, String> form, HtmxRequest htmx,
			Model model) {
		InstallSpec spec = spec(version, form);
		page(model, spec);
		scans.scan(spec).ifPresent((scan) -> model.addAttribute("scan", scan));
		return htmx.isHtmxRequest() ? RESULT : PAGE;
	}

	private void page(Model model, InstallSpec spec) {
		String query = specQuery.queryString(spec);
		model.addAttribute("spec", spec);
		model.addAttribute("specParameters", specQuery.parameters(spec));
		model.addAttribute("specUrl", AppUrls.spec(spec.version(), query));
		model.addAttribute("scanUrl", "/scan/" + AppUrls.segment(spec.version()));
		model.addAttribute("namespace", specQuery.namespace(spec));
		model.addAttribute("image", scanner.image(spec));
		model.addAttribute("connected", connection.current().isPresent());
	}

	/**
	 * The last scan of the spec as text, one node a paragraph, as curl users read
	 * kubectl's output. A GET never runs a scan: it starts privileged pods, so only a
	 * POST with the CSRF token does (any page could make a browser GET).
	 */
	private ResponseEntity<String> text(InstallSpec spec, Locale locale) {
		if (!connection.current().isPresent()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(MediaType.TEXT_PLAIN)
				.body(messages.getMessage("scan.noCluster", null, locale) + "\n");
		}
		Optional<DiskScan> result = scans.last(spec);
		if (result.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_PLAIN)
				.body(messages.getMessage("scan.notYet", null, locale) + "\n");
		}
		DiskScan scan = result.get();
		StringBuilder text = new StringBuilder();
		text.append(messages.getMessage("scan.verdict." + scan.verdict().name(),
				new Object[] { scan.summary().nodesWithStorage(), scan.summary().nodes().size() }, locale))
			.append('\n');
		scan.failures().forEach((failure) -> text.append("! ").append(failure).append('\n'));
		for (NodeDisks node : scan.summary().nodes()) {
			text.append('\n').append(node.node()).append('\n');
			for (DeviceVerdict device : node.devices()) {
				text.append(String.format(Locale.ROOT, "  %-24s %10s  %-3s  %-8s  %s%n", device.path(),
						device.humanSize(), device.ssd() ? "SSD" : "HDD", device.role().name().toLowerCase(Locale.ROOT),
						messages.getMessage(device.reason(), device.arguments().toArray(), locale)));
			}
			node.problems()
				.forEach((problem) -> text.append("  ! ")
					.append(messages.getMessage(problem.reason(), problem.arguments().toArray(), locale))
					.append('\n'));
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text.toString());
	}

	private InstallSpec spec(String version, MultiValueMap<String, String> parameters) {
		SpecReading reading = specQuery.read(version, SpecParameters.of(parameters));
		if (!reading.isValid()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a valid spec: open it on its finish page");
		}
		return reading.spec();
	}

}
