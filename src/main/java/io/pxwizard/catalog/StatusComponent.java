package io.pxwizard.catalog;

/**
 * A group of the status page and the pod label that marks its pods.
 *
 * @param id the group ({@code stork-scheduler})
 * @param label the label selector, as kubectl's {@code -l} takes it
 * ({@code name=stork-scheduler})
 */
public record StatusComponent(String id, String label) {

	public String labelKey() {
		return label.substring(0, label.indexOf('='));
	}

	public String labelValue() {
		return label.substring(label.indexOf('=') + 1);
	}

}
