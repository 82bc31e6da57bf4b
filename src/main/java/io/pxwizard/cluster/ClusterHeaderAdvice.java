package io.pxwizard.cluster;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header says which cluster is connected, or "no cluster". */
@ControllerAdvice
class ClusterHeaderAdvice {

	private final ClusterConnection connection;

	ClusterHeaderAdvice(ClusterConnection connection) {
		this.connection = connection;
	}

	@ModelAttribute("cluster")
	ClusterInfo cluster() {
		return connection.info().orElse(null);
	}

}
