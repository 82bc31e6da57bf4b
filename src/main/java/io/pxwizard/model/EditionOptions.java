package io.pxwizard.model;

/**
 * Portworx Essentials or Enterprise.
 *
 * @param edition which product
 * @param essentialsId the Essentials Entitlement ID ({@code user=}), empty for Enterprise
 */
public record EditionOptions(Edition edition, String essentialsId) {

	public boolean isEssentials() {
		return edition == Edition.ESSENTIALS;
	}

	/** The two licences Portworx Central offers. */
	public enum Edition {

		ESSENTIALS, ENTERPRISE

	}

}
