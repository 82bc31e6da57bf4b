package io.pxwizard.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/**
 * The real catalogue from application.yaml, bound without a Spring context, for fast unit
 * tests.
 */
public final class TestCatalog {

	private static final PortworxCatalog CATALOG = load();

	private TestCatalog() {
	}

	public static PortworxCatalog get() {
		return CATALOG;
	}

	private static PortworxCatalog load() {
		return edited(UnaryOperator.identity());
	}

	/**
	 * The catalogue of application.yaml after an edit of its text, as an administrator
	 * would make it.
	 */
	public static PortworxCatalog edited(UnaryOperator<String> edit) {
		try {
			String yaml = new ClassPathResource("application.yaml").getContentAsString(StandardCharsets.UTF_8);
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
					new ByteArrayResource(edit.apply(yaml).getBytes(StandardCharsets.UTF_8)));
			return new Binder(ConfigurationPropertySources.from(sources)).bind("px", PortworxCatalog.class).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
