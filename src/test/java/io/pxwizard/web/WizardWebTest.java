package io.pxwizard.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.install.InstallWebBeans;
import io.pxwizard.manifest.ClusterSpecManifest;
import io.pxwizard.manifest.InstallManifests;
import io.pxwizard.manifest.ManifestYaml;
import io.pxwizard.manifest.OperatorManifest;
import io.pxwizard.spec.SpecQuery;
import io.pxwizard.status.BoardRenderer;
import io.pxwizard.status.StatusBoards;
import io.pxwizard.wizard.FieldMessages;
import io.pxwizard.wizard.WizardPages;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A web slice with what every page needs: the catalogue, the spec codec, page rendering and the security rules. One
 * shape for all controller tests, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@EnableConfigurationProperties({ PortworxCatalog.class, PxWizardProperties.class, ClusterProperties.class })
@TestPropertySource(properties = "px-wizard.cluster.auto-connect=false")
@Import({ SpecQuery.class, WizardPages.class, FieldMessages.class, SecurityConfiguration.class, InstallManifests.class,
		OperatorManifest.class, ClusterSpecManifest.class, ManifestYaml.class, ClusterConnection.class,
		InstallWebBeans.class, StatusBoards.class, BoardRenderer.class })
public @interface WizardWebTest {

}
