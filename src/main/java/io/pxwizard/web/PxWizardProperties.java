package io.pxwizard.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * px-wizard's own settings (the option catalogue is under {@code px:}).
 *
 * @param externalUrl the address a cluster reaches this server at, for commands that
 * fetch manifests from it (air-gapped installs); when empty, the address the browser
 * used, which a cluster can rarely reach
 */
@ConfigurationProperties("px-wizard")
public record PxWizardProperties(String externalUrl) {

	public PxWizardProperties {
		externalUrl = (externalUrl == null) ? "" : externalUrl.strip();
	}

	public boolean hasExternalUrl() {
		return !externalUrl.isEmpty();
	}

}
