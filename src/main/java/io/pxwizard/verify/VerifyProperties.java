package io.pxwizard.verify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * "Verify storage".
 *
 * @param namespace where the claim and the pod are made
 * @param size the claim's size
 * @param timeout how long the whole verification may take
 */
@ConfigurationProperties("px-wizard.verify")
public record VerifyProperties(@DefaultValue("default") String namespace, @DefaultValue("1Gi") String size,
		@DefaultValue("3m") Duration timeout) {

}
