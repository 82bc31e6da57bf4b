package io.pxwizard.airgapped;

import java.net.URI;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.manifest.ClusterSpecManifest;
import io.pxwizard.manifest.ImageMirror;
import io.pxwizard.manifest.StorageClassManifest;
import io.pxwizard.manifest.InstallManifests;
import io.pxwizard.manifest.ManifestYaml;
import io.pxwizard.manifest.OperatorManifest;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.Specs;
import io.pxwizard.web.AdminCredentials;
import io.pxwizard.web.LoginPolicy;
import io.pxwizard.web.PxWizardProperties;
import io.pxwizard.web.SecurityConfiguration;
import io.pxwizard.wizard.FieldMessages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The install endpoint alone, in a web slice: the model and manifest renderers are real,
 * the cluster and the database are not there.
 */
@WebMvcTest(InstallEndpoint.class)
@EnableConfigurationProperties({ PortworxCatalog.class, LoginPolicy.class, PxWizardProperties.class })
@Import({ SecurityConfiguration.class, SpecQuery.class, InstallManifests.class, OperatorManifest.class,
		ClusterSpecManifest.class, ManifestYaml.class, ImageMirror.class, StorageClassManifest.class,
		FieldMessages.class })
class InstallEndpointSliceTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ClusterConnection connection;

	@MockitoBean
	private AdminCredentials credentials;

	@Test
	void servesTheClusterSpecWithItsSourceLine() {
		assertThat(mvc.get().uri(URI.create("/install/2.8?" + Specs.SEED_QUERY))).hasStatusOk()
			.hasContentTypeCompatibleWith("application/yaml")
			.bodyText()
			.startsWith("# SOURCE: https://install.portworx.com/?" + Specs.SEED_QUERY + "\nkind: StorageCluster\n");
	}

	@Test
	void badInputIsA400InWordsWithNoManifest() {
		assertThat(mvc.get().uri(URI.create("/install/2.8?" + Specs.SEED_QUERY.replace("st=k8s", "st=nope"))))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.bodyText()
			.isEqualTo("st: Choose one of the options.\n");
	}

}
