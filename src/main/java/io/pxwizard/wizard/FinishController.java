package io.pxwizard.wizard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

import io.pxwizard.web.AppUrls;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.cluster.ClusterInfo;
import io.pxwizard.manifest.ImageMirror;
import io.pxwizard.model.InstallCommands;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.KeptParameter;
import io.pxwizard.model.ShellQuoting;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;
import io.pxwizard.manifest.InstallManifests;
import io.pxwizard.web.ClientKind;
import io.pxwizard.web.PxWizardProperties;
import io.pxwizard.wizard.FieldMessages;
import io.pxwizard.wizard.WizardPages;
import io.pxwizard.wizard.WizardStep;
import io.pxwizard.wizard.WizardUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The finish page, {@code GET /spec/{version}?<parameters>}: a spec URL is a saved wizard
 * state. A browser gets the page; curl gets the commands, one a line.
 */
@Controller
class FinishController {

	static final String VIEW = "spec/finish";

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	private final WizardPages wizardPages;

	private final FieldMessages fieldMessages;

	private final InstallManifests manifests;

	private final PxWizardProperties properties;

	private final ImageMirror imageMirror;

	private final FinishPages finishPages;

	private final ThymeleafViewResolver views;

	FinishController(PortworxCatalog catalog, SpecQuery specQuery, WizardPages wizardPages, FieldMessages fieldMessages,
			InstallManifests manifests, PxWizardProperties properties, ImageMirror imageMirror, FinishPages finishPages,
			ThymeleafViewResolver views) {
		this.imageMirror = imageMirror;
		this.finishPages = finishPages;
		this.views = views;
		this.catalog = catalog;
		this.specQuery = specQuery;
		this.wizardPages = wizardPages;
		this.fieldMessages = fieldMessages;
		this.manifests = manifests;
		this.properties = properties;
	}

	/**
	 * The finish page's StorageClasses form: a ticked preset with its name and
	 * replication becomes the spec's {@code sc} (and {@code scdefault}), and the page
	 * shows again with them; a wrong answer keeps the spec as it was and says why.
	 */
	@GetMapping("/spec/{version}/storage-classes")
	String storageClasses(@PathVariable String version, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect, Locale locale) {
		StorageClassForm answers = StorageClassForm.of(SpecParameters.of(form), catalog.storageClassPresets());
		String source = AppUrls.LOCAL_SOURCE.equals(answers.spec().get(AppUrls.SOURCE))
				? "&" + AppUrls.SOURCE + "=" + AppUrls.LOCAL_SOURCE : "";
		SpecReading reading = specQuery.read(version, answers.withClasses());
		if (!reading.isValid()) {
			redirect.addFlashAttribute("storageClassProblems", fieldMessages.lines(reading.errors(), locale));
			return "redirect:" + AppUrls.spec(version, specQuery.queryString(version, answers.before().asMap()))
					+ source + "#storage-classes";
		}
		return "redirect:" + AppUrls.spec(version, specQuery.queryString(reading.spec())) + source + "#storage-classes";
	}

	@GetMapping("/spec/{version}")
	Object finish(@PathVariable String version, @RequestParam MultiValueMap<String, String> query,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) throws Exception {
		SpecParameters state = SpecParameters.of(query);
		SpecReading reading = specQuery.read(version, state);
		boolean local = AppUrls.LOCAL_SOURCE.equals(state.get(AppUrls.SOURCE)) && reading.isValid()
				&& reading.spec().usesOperator() && reading.spec().rendersLocally();
		String baseUrl = local ? localInstallUrl() : catalog.installBaseUrl();
		if (!ClientKind.wantsHtml(request)) {
			return asText(reading, baseUrl, locale);
		}
		if (!reading.isValid()) {
			return wizardPages.withProblems(model, version, state, reading, locale, response);
		}
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		if (flash != null && !flash.isEmpty()) {
			// Messages of one request: this page is rendered for it alone.
			addPage(model, reading.spec(), version, baseUrl, local);
			return VIEW;
		}
		FinishPages.Key key = new FinishPages.Key(request.getRequestURI(), request.getQueryString(), baseUrl,
				(ClusterInfo) model.getAttribute("cluster"), (String) model.getAttribute("signedIn"),
				Boolean.TRUE.equals(model.getAttribute("canOperate")), locale);
		if (!finishPages.has(key)) {
			addPage(model, reading.spec(), version, baseUrl, local);
		}
		return finishPages.view(key, views.resolveViewName(VIEW, locale));
	}

	private void addPage(Model model, InstallSpec spec, String version, String baseUrl, boolean local) {
		String canonical = specQuery.queryString(spec);
		model.addAttribute("spec", spec);
		model.addAttribute("commands", specQuery.commands(spec, baseUrl));
		model.addAttribute("localSource", local);
		model.addAttribute("canonicalQuery", canonical);
		model.addAttribute("specParameters", specQuery.parameters(spec));
		model.addAttribute("preflightUrl", "/preflight/" + version + "?" + canonical);
		model.addAttribute("externalUrlSet", properties.hasExternalUrl());
		model.addAttribute("publicSourceUrl", AppUrls.spec(version, canonical));
		model.addAttribute("localSourceUrl",
				AppUrls.spec(version, canonical + "&" + AppUrls.SOURCE + "=" + AppUrls.LOCAL_SOURCE));
		model.addAttribute("kept", spec.kept());
		model.addAttribute("keptList",
				spec.kept().stream().map(KeptParameter::toString).collect(Collectors.joining(", ")));
		model.addAttribute("images", imageMirror.images(spec));
		model.addAttribute("kubeSchedulerHint", spec.components().stork()
				&& imageMirror.images(spec).stream().noneMatch((image) -> "kubeScheduler".equals(image.component())));
		model.addAttribute("componentSource", imageMirror.componentSource(spec).source());
		model.addAttribute("versionCommand",
				"curl -fsSL " + ShellQuoting
					.singleQuoted(catalog.installBaseUrl() + "/" + spec.release().imageVersion() + "/version?kbver="
							+ UriUtils.encode(spec.basic().kubernetesVersion(), StandardCharsets.UTF_8)));
		if (!spec.registry().registry().isEmpty()) {
			model.addAttribute("mirrorScript", imageMirror.copyScript(spec));
		}
		model.addAttribute("imagesUrl", AppUrls.installImages(version, canonical));
		if (spec.usesOperator() && spec.rendersLocally()) {
			model.addAttribute("operatorYaml", manifests.operatorYaml(specQuery.operatorRequest(spec)));
			model.addAttribute("clusterYaml", manifests.clusterYaml(spec));
			model.addAttribute("downloads", specQuery.commands(spec, "/install"));
			model.addAttribute("downloadAll", AppUrls.installAll(version, canonical));
		}
		model.addAttribute("namespace", specQuery.namespace(spec));
		model.addAttribute("storageClasses", specQuery.storageClasses(spec));
		model.addAttribute("storageClassPresets", catalog.storageClassPresets());
		model.addAttribute("storageClassYaml", manifests.storageClassYaml(spec));
		model.addAttribute("storageClassesUrl", AppUrls.installStorageClasses(version, canonical));
		model.addAttribute("specUrl", AppUrls.spec(version, canonical));
		model.addAttribute("steps", List.of(WizardStep.values()));
		model.addAttribute("step", WizardStep.FINISH);
		Map<String, String> editUrls = new LinkedHashMap<>();
		for (WizardStep page : List.of(WizardStep.BASIC, WizardStep.STORAGE, WizardStep.NETWORK,
				WizardStep.CUSTOMIZE)) {
			editUrls.put(page.path(), WizardUrls.step(version, page, canonical));
		}
		model.addAttribute("editUrls", editUrls);
	}

	/**
	 * Where a cluster fetches manifests from this server: the configured external
	 * address, else the browser's.
	 */
	private String localInstallUrl() {
		String base = properties.hasExternalUrl() ? properties.externalUrl()
				: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/install";
	}

	private ResponseEntity<String> asText(SpecReading reading, String baseUrl, Locale locale) {
		if (!reading.isValid()) {
			String problems = String.join("\n", fieldMessages.lines(reading.errors(), locale)) + "\n";
			return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(problems);
		}
		InstallCommands commands = specQuery.commands(reading.spec(), baseUrl);
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.body(String.join("\n", commands.applyCommands()) + "\n");
	}

}
