package io.pxwizard.architecture;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of README.md's architecture section, kept by the build: the model at the
 * bottom knows no page, no cluster and no web type; pages sit on it; cluster access,
 * apply and status stand beside each other, status never reaching into apply; no package
 * cycle anywhere.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.pxwizard");

	/**
	 * {@code mvn spring-boot:test-run} starts the one main class it finds among the test
	 * classes: a second one, as the benchmarks once were, breaks the README's command.
	 */
	@Test
	void theTestRunFindsOneMainClassAmongTheTests() {
		List<String> mains = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("io.pxwizard")
			.stream()
			.filter((type) -> type.getMethods()
				.stream()
				.anyMatch((method) -> method.getName().equals("main")
						&& method.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC))
						&& method.getRawParameterTypes().size() == 1
						&& method.getRawParameterTypes().get(0).isEquivalentTo(String[].class)))
			.map(JavaClass::getName)
			.toList();
		assertThat(mains).containsExactly("io.pxwizard.TestPxWizardApplication");
	}

	@Test
	void noPackageCycles() {
		slices().matching("io.pxwizard.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void layersOnlyReachDownwards() {
		ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Catalogue")
			.definedBy("io.pxwizard.catalog..")
			.layer("Model")
			.definedBy("io.pxwizard.model..", "io.pxwizard.disks..")
			.layer("Manifests")
			.definedBy("io.pxwizard.manifest..")
			.layer("Cluster")
			.definedBy("io.pxwizard.cluster..")
			.layer("Apply")
			.definedBy("io.pxwizard.apply..")
			.layer("Status")
			.definedBy("io.pxwizard.status..")
			.layer("DiskScan")
			.definedBy("io.pxwizard.diskscan..")
			.layer("Uninstall")
			.definedBy("io.pxwizard.uninstall..")
			.layer("Verify")
			.definedBy("io.pxwizard.verify..")
			.layer("Pages")
			.definedBy("io.pxwizard.wizard..", "io.pxwizard.airgapped..", "io.pxwizard.savedspec..",
					"io.pxwizard.history..")
			.layer("Web")
			.definedBy("io.pxwizard.web..")
			.layer("Application")
			.definedBy("io.pxwizard")
			.whereLayer("Application")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Pages")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Uninstall")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Verify")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Apply")
			.mayOnlyBeAccessedByLayers("Pages", "Uninstall", "Verify", "Application")
			.whereLayer("DiskScan")
			.mayOnlyBeAccessedByLayers("Apply", "Pages", "Application")
			.whereLayer("Status")
			.mayOnlyBeAccessedByLayers("Pages", "Application")
			.whereLayer("Cluster")
			.mayOnlyBeAccessedByLayers("Apply", "Status", "DiskScan", "Uninstall", "Verify", "Pages", "Web",
					"Application")
			.whereLayer("Manifests")
			.mayOnlyBeAccessedByLayers("Apply", "DiskScan", "Uninstall", "Verify", "Pages", "Application")
			.whereLayer("Model")
			.mayOnlyBeAccessedByLayers("Manifests", "Cluster", "Apply", "Status", "DiskScan", "Uninstall", "Verify",
					"Pages", "Web", "Application")
			.whereLayer("Web")
			.mayOnlyBeAccessedByLayers("Pages", "Apply", "Status", "DiskScan", "Uninstall", "Verify", "Cluster",
					"Application");
		layers.check(CLASSES);
	}

	@Test
	void theModelKnowsNoPageNoClusterAndNoWebType() {
		noClasses().that()
			.resideInAnyPackage("io.pxwizard.catalog..", "io.pxwizard.model..", "io.pxwizard.disks..",
					"io.pxwizard.manifest..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.bind..", "org.springframework.web.servlet..",
					"org.springframework.http..", "org.springframework.ui..", "jakarta.servlet..",
					"io.fabric8.kubernetes.client", "io.fabric8.kubernetes.client.dsl..", "io.pxwizard.wizard..",
					"io.pxwizard.web..", "io.pxwizard.cluster..", "io.pxwizard.apply..", "io.pxwizard.status..")
			.because("the model is the bottom layer: pages, clusters and HTTP sit on top of it")
			.check(CLASSES);
	}

	@Test
	void statusNeverImportsApply() {
		noClasses().that()
			.resideInAPackage("io.pxwizard.status..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.pxwizard.apply..")
			.check(CLASSES);
	}

}
