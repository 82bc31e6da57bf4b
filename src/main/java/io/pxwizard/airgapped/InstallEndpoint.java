package io.pxwizard.airgapped;

import java.util.Locale;
import java.util.stream.Collectors;

import io.pxwizard.manifest.ImageMirror;
import io.pxwizard.manifest.InstallManifests;
import io.pxwizard.model.FieldErrors;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecQuery.OperatorReading;
import io.pxwizard.model.SpecReading;
import io.pxwizard.wizard.FieldMessages;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * px-wizard's own install endpoint, in install.portworx.com's query language, for
 * clusters that cannot reach it:
 * {@code kubectl apply -f 'http://px-wizard/install/2.8?comp=pxoperator'} and
 * {@code kubectl apply -f 'http://px-wizard/install/2.8?operator=true&…'}.
 */
@RestController
class InstallEndpoint {

	static final MediaType YAML = new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8);

	private final SpecQuery specQuery;

	private final InstallManifests manifests;

	private final FieldMessages fieldMessages;

	private final MessageSource messages;

	private final ImageMirror imageMirror;

	InstallEndpoint(SpecQuery specQuery, InstallManifests manifests, FieldMessages fieldMessages,
			MessageSource messages, ImageMirror imageMirror) {
		this.imageMirror = imageMirror;
		this.specQuery = specQuery;
		this.manifests = manifests;
		this.fieldMessages = fieldMessages;
		this.messages = messages;
	}

	@GetMapping("/install/{version}")
	ResponseEntity<String> install(@PathVariable String version, @RequestParam MultiValueMap<String, String> query,
			Locale locale) {
		SpecParameters state = SpecParameters.of(query);
		if ("pxoperator".equals(state.get("comp"))) {
			OperatorReading reading = specQuery.readOperatorRequest(version, state);
			if (!reading.isValid()) {
				return problems(reading.errors(), locale);
			}
			return yaml(manifests.operatorYaml(reading.request()), null);
		}
		if (state.has("comp")) {
			return problem(messages.getMessage("install.unknownComponent", null, locale));
		}
		return clusterSpec(version, state, locale, false);
	}

	/**
	 * Operator manifests and cluster spec in one file, in the order they must be applied.
	 */
	@GetMapping("/install/{version}/all")
	ResponseEntity<String> all(@PathVariable String version, @RequestParam MultiValueMap<String, String> query,
			Locale locale) {
		return clusterSpec(version, SpecParameters.of(query), locale, true);
	}

	/**
	 * The spec's StorageClasses, to apply once Portworx is Online
	 * ({@code kubectl apply -f}).
	 */
	@GetMapping("/install/{version}/storageclasses")
	ResponseEntity<String> storageClasses(@PathVariable String version,
			@RequestParam MultiValueMap<String, String> query, Locale locale) {
		SpecReading reading = specQuery.read(version, SpecParameters.of(query));
		if (!reading.isValid()) {
			return problems(reading.errors(), locale);
		}
		String yaml = manifests.storageClassYaml(reading.spec());
		if (yaml.isEmpty()) {
			return problem(messages.getMessage("install.noStorageClasses", null, locale));
		}
		return yaml(yaml, null);
	}

	/**
	 * The images the install pulls, one a line, each followed by the name it is pulled by
	 * from a custom registry.
	 */
	@GetMapping("/install/{version}/images")
	ResponseEntity<String> images(@PathVariable String version, @RequestParam MultiValueMap<String, String> query,
			Locale locale) {
		SpecReading reading = specQuery.read(version, SpecParameters.of(query));
		if (!reading.isValid()) {
			return problems(reading.errors(), locale);
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(imageMirror.text(reading.spec()));
	}

	/**
	 * A shell script that copies those images into the spec's custom registry with
	 * skopeo.
	 */
	@GetMapping("/install/{version}/mirror.sh")
	ResponseEntity<String> mirrorScript(@PathVariable String version, @RequestParam MultiValueMap<String, String> query,
			Locale locale) {
		SpecReading reading = specQuery.read(version, SpecParameters.of(query));
		if (!reading.isValid()) {
			return problems(reading.errors(), locale);
		}
		if (reading.spec().registry().registry().isEmpty()) {
			return problem(messages.getMessage("mirror.noRegistry", null, locale));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mirror-images.sh").build().toString())
			.body(imageMirror.copyScript(reading.spec()));
	}

	private ResponseEntity<String> clusterSpec(String version, SpecParameters state, Locale locale, boolean all) {
		SpecReading reading = specQuery.read(version, state);
		if (!reading.isValid()) {
			return problems(reading.errors(), locale);
		}
		InstallSpec spec = reading.spec();
		if (!spec.usesOperator()) {
			return problem(messages.getMessage("install.operatorOnly", null, locale));
		}
		if (!spec.rendersLocally()) {
			// Never a manifest without what the URL asked for: name each parameter that
			// cannot be rendered here.
			return problem(messages.getMessage("kept.localRefused",
					new Object[] { spec.kept().stream().map(Object::toString).collect(Collectors.joining(", ")) },
					locale));
		}
		if (all) {
			return yaml(manifests.allYaml(spec), spec.cluster().name() + ".yaml");
		}
		return yaml(manifests.clusterYaml(spec), null);
	}

	private static ResponseEntity<String> yaml(String body, String attachment) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(YAML);
		if (attachment != null) {
			response.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment).build().toString());
		}
		return response.body(body);
	}

	private ResponseEntity<String> problems(FieldErrors errors, Locale locale) {
		return problem(String.join("\n", fieldMessages.lines(errors, locale)));
	}

	private static ResponseEntity<String> problem(String text) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(text + "\n");
	}

}
