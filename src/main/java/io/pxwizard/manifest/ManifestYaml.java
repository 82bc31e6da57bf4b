package io.pxwizard.manifest;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import org.springframework.stereotype.Component;

/** Objects as one multi-document YAML stream, the way {@code kubectl apply -f} reads a URL. */
@Component
public class ManifestYaml {

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	/** Each object as its own {@code ---} document, after an optional {@code # SOURCE: <url>} line. */
	public String write(String source, List<HasMetadata> objects) {
		StringBuilder yaml = new StringBuilder();
		if (source != null) {
			yaml.append("# SOURCE: ").append(source).append('\n');
		}
		for (HasMetadata object : objects) {
			String document = serialization.asYaml(object);
			if (!document.startsWith("---")) {
				yaml.append("---\n");
			}
			yaml.append(document);
			if (!document.endsWith("\n")) {
				yaml.append('\n');
			}
		}
		return yaml.toString();
	}

}
