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
 * An issuer URL where no identity provider answers stops start-up with the URL and what
 * to check.
 */
@ExtendWith(OutputCaptureExtension.class)
class IssuerUnreachableTests {

	@Test
	void aWrongIssuerUrlStopsStartUpInWords(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(PxWizardApplication.class).web(WebApplicationType.SERVLET)
			.run("--spring.security.oauth2.client.registration.oidc.client-id=px-wizard",
					"--spring.security.oauth2.client.registration.oidc.client-secret=secret",
					"--spring.security.oauth2.client.registration.oidc.provider=idp",
					"--spring.security.oauth2.client.registration.oidc.scope=openid",
					"--spring.security.oauth2.client.provider.idp.issuer-uri=http://127.0.0.1:1/realms/wrong",
					"--spring.datasource.url=jdbc:h2:mem:issuer", "--px-wizard.cluster.auto-connect=false",
					"--server.port=0", "--management.server.port=-1"))
			.isNotNull();
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("px-wizard could not read the identity provider's OpenID configuration at "
					+ "http://127.0.0.1:1/realms/wrong")
			.contains("Check spring.security.oauth2.client.provider.<name>.issuer-uri");
	}

}
