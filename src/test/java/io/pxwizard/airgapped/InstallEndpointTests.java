package io.pxwizard.airgapped;

import java.net.URI;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WizardWebTest
class InstallEndpointTests {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void operatorUrlServesTheOperatorManifestsAsYaml() throws Exception {
		MvcTestResult result = mvc.get().uri("/install/2.8?comp=pxoperator").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(YAML);
		List<HasMetadata> objects = ManifestFixture.load(result.getResponse().getContentAsString());
		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactly("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment");
	}

	@Test
	void specUrlServesTheClusterSpecAsAMultiDocumentStream() throws Exception {
		MvcTestResult result = mvc.get().uri("/install/2.8?" + Specs.SEED_QUERY).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(YAML);
		String yaml = result.getResponse().getContentAsString();
		// As Portworx Central writes it: the SOURCE line without a version segment, then
		// the StorageCluster straight
		// away, kind first, then the Secret after a document separator.
		assertThat(yaml).startsWith("# SOURCE: https://install.portworx.com/?" + Specs.SEED_QUERY
				+ "\nkind: StorageCluster\napiVersion: core.libopenstorage.org/v1\n");
		assertThat(yaml.split("\n---\n")).hasSize(2);
		assertThat(ManifestFixture.load(yaml)).extracting(HasMetadata::getKind)
			.containsExactly("StorageCluster", "Secret");
	}

	@Test
	void downloadAllIsAnAttachmentInApplyOrder() throws Exception {
		MvcTestResult result = mvc.get().uri("/install/2.8/all?" + Specs.SEED_QUERY).exchange();
		assertThat(result).hasStatusOk()
			.hasHeader("Content-Disposition", "attachment; filename=\"" + Specs.CLUSTER_NAME + ".yaml\"");
		assertThat(ManifestFixture.load(result.getResponse().getContentAsString())).extracting(HasMetadata::getKind)
			.startsWith("ServiceAccount")
			.endsWith("StorageCluster", "Secret");
	}

	@Test
	void badParametersAnswer400InPlainTextWithNoManifest() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/install/2.8?" + Specs.SEED_QUERY.replace("st=k8s", "st=<nope>"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN);
		assertThat(result.getResponse().getContentAsString()).isEqualTo("st: Choose one of the options.\n");
		assertThat(mvc.get().uri("/install/9.9?comp=pxoperator")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Portworx version 9.9 is not offered")
			.doesNotContain("apiVersion");
		assertThat(mvc.get().uri("/install/2.8?comp=pxoperator&kbver=;id")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.startsWith("kbver: ");
		assertThat(mvc.get().uri("/install/2.8?comp=other")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("only comp=pxoperator");
		assertThat(mvc.get().uri("/install/2.8?" + Specs.SEED_QUERY.replace("operator=true&", "")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("operator install only");
	}

	@Test
	void finishPageShowsBothManifestsAndDownloads() {
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("kind: StorageCluster", "kind: Deployment")
			.contains("href=\"/install/2.8?comp=pxoperator\"")
			.contains("href=\"/install/2.8?" + Specs.SEED_QUERY.replace("&", "&amp;") + "\"")
			.contains("href=\"/install/2.8/all?" + Specs.SEED_QUERY.replace("&", "&amp;") + "\"")
			.contains(">Download all (one file, in apply order)</a>");
	}

	@Test
	void thisServerSourcePointsTheCommandsAtPxWizard() {
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY + "&source=local").accept(MediaType.ALL)).hasStatusOk()
			.hasBodyTextEqualTo("kubectl apply -f 'http://localhost/install/2.8?comp=pxoperator'\n"
					+ "kubectl apply -f 'http://localhost/install/2.8?" + Specs.SEED_QUERY + "'\n");
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY + "&source=local").accept(MediaType.TEXT_HTML))
			.bodyText()
			.contains("--px-wizard.external-url=")
			.contains("aria-current=\"true\">this server (air-gapped)</a>");
	}

	/**
	 * A real 3.0 spec URL with cloud drives (conformance/specs/3.0.2-armory-px-01.yaml).
	 */
	private static final String CLOUD_QUERY = "operator=true&mc=false&kbver=1.25.13&ns=portworx&b=true&iop=6"
			+ "&s=%22type%3Dgp3%2Csize%3D100%22&j=auto&c=px-cluster-96a9d0a2-f48b-487d-ae05-7860bb416d3f&eks=true"
			+ "&stork=true&csi=true&mon=true&tel=true&st=k8s&promop=true";

	@Test
	void parametersPxWizardDoesNotModelAreKeptInTheCommandsAndRefusedLocallyByName() {
		assertThat(mvc.get().uri(URI.create("/spec/3.0?" + CLOUD_QUERY)).accept(MediaType.TEXT_PLAIN)).hasStatusOk()
			.bodyText()
			.contains("kubectl apply -f 'https://install.portworx.com/3.0?" + CLOUD_QUERY + "'");
		assertThat(mvc.get().uri(URI.create("/spec/3.0?" + CLOUD_QUERY)).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("kept exactly as given")
			.contains("<li>s=&quot;type=gp3,size=100&quot;</li>")
			.contains("px-wizard cannot render this spec itself: it does not model s=&quot;type=gp3,size=100&quot;")
			.doesNotContain("this server (air-gapped)</a>", "language-yaml");
		assertThat(mvc.get().uri(URI.create("/install/3.0?" + CLOUD_QUERY))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("does not model s=\"type=gp3,size=100\"")
			.doesNotContain("kind:");
		assertThat(mvc.get().uri(URI.create("/install/3.0/all?" + CLOUD_QUERY))).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void imagesToMirrorAreListedWithTheNamesTheClusterPullsThemByAndAScriptCopiesThem() {
		String query = Specs.SEED_QUERY + "&reg=registry.example.com%3A5000%2Fportworx";
		assertThat(mvc.get().uri(URI.create("/install/2.8/images?" + query))).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.bodyText()
			.contains("docker.io/portworx/oci-monitor:2.8.1.5 registry.example.com:5000/portworx/oci-monitor:2.8.1.5\n")
			.contains("docker.io/portworx/px-operator:1.5.2 registry.example.com:5000/portworx/px-operator:1.5.2\n")
			.contains("docker.io/openstorage/stork:")
			.contains(" registry.example.com:5000/portworx/csi-provisioner:")
			.contains(" registry.example.com:5000/portworx/prometheus:");
		assertThat(mvc.get().uri(URI.create("/install/2.8/mirror.sh?" + query))).hasStatusOk()
			.bodyText()
			.startsWith("#!/bin/sh\n")
			.contains("skopeo copy --all 'docker://docker.io/portworx/oci-monitor:2.8.1.5' "
					+ "'docker://registry.example.com:5000/portworx/oci-monitor:2.8.1.5'\n");
		// Components switched off are not pulled.
		assertThat(mvc.get()
			.uri(URI.create("/install/2.8/images?" + Specs.SEED_QUERY.replace("stork=true", "stork=false")))).bodyText()
			.doesNotContain("openstorage/stork")
			.contains("docker.io/portworx/oci-monitor:2.8.1.5\n");
		assertThat(mvc.get().uri(URI.create("/install/2.8/mirror.sh?" + Specs.SEED_QUERY)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("names no custom registry");
		assertThat(mvc.get().uri(URI.create("/spec/2.8?" + query)).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("Images to mirror", "registry.example.com:5000/portworx/px-operator:1.5.2", "skopeo copy --all");
	}

}
