package io.pxwizard.web;

import io.pxwizard.PxWizardApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that does not answer stops start-up with what was tried and what to check.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTests {

	@Test
	void anUnreachableDatabaseStopsStartUpInWords(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(PxWizardApplication.class).web(WebApplicationType.SERVLET)
			.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/pxwizard?password=secret",
					"--spring.datasource.username=px", "--px-wizard.cluster.auto-connect=false", "--server.port=0",
					"--management.server.port=-1", "--spring.datasource.hikari.connection-timeout=2000"))
			.isNotNull();
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("px-wizard could not use its database jdbc:postgresql://127.0.0.1:1/pxwizard:")
			.contains("Check that the database runs")
			.doesNotContain("password=secret");
	}

}
