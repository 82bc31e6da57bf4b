package io.pxwizard.savedspec;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PersistenceTests} on an H2 file, px-wizard's default database. */
class H2PersistenceTests extends PersistenceTests {

	@TempDir
	Path data;

	@Override
	protected String[] database() {
		return new String[] { "--spring.datasource.url=jdbc:h2:file:" + data.resolve("px-wizard") };
	}

	@Override
	protected void assertStored() {
		assertThat(Files.exists(data.resolve("px-wizard.mv.db"))).isTrue();
	}

}
