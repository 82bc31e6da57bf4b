package io.pxwizard.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The real catalogue from application.yaml, bound without a Spring context, for fast unit tests. */
public final class TestCatalog {

	private static final PortworxCatalog CATALOG = load();

	private TestCatalog() {
	}

	public static PortworxCatalog get() {
		return CATALOG;
	}

	private static PortworxCatalog load() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
					new ClassPathResource("application.yaml"));
			return new Binder(ConfigurationPropertySources.from(sources)).bind("px", PortworxCatalog.class).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
