package io.pxwizard.manifest;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pxwizard.spec.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WizardWebTest
class InstallControllerTests {

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
		// As Portworx Central writes it: the SOURCE line without a version segment, then the StorageCluster straight
		// away, kind first, then the Secret after a document separator.
		assertThat(yaml).startsWith("# SOURCE: https://install.portworx.com/?" + Specs.SEED_QUERY
				+ "\nkind: StorageCluster\napiVersion: core.libopenstorage.org/v1\n");
		assertThat(yaml.split("\n---\n")).hasSize(2);
		assertThat(ManifestFixture.load(yaml)).extracting(HasMetadata::getKind).containsExactly("StorageCluster", "Secret");
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
		MvcTestResult result = mvc.get().uri("/install/2.8?" + Specs.SEED_QUERY.replace("st=k8s", "st=<nope>")).exchange();
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
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY + "&source=local").accept(MediaType.ALL))
			.hasStatusOk()
			.hasBodyTextEqualTo("kubectl apply -f 'http://localhost/install/2.8?comp=pxoperator'\n"
					+ "kubectl apply -f 'http://localhost/install/2.8?" + Specs.SEED_QUERY + "'\n");
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY + "&source=local").accept(MediaType.TEXT_HTML))
			.bodyText()
			.contains("--px-wizard.external-url=")
			.contains("aria-current=\"true\">this server (air-gapped)</a>");
	}

}
