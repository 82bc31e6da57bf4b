package io.pxwizard.model;

/**
 * Network interfaces Portworx uses; {@code auto} lets Portworx choose.
 *
 * @param dataInterface {@code d=}
 * @param managementInterface {@code m=}
 */
public record NetworkOptions(String dataInterface, String managementInterface) {

	public static final String AUTO = "auto";

}
