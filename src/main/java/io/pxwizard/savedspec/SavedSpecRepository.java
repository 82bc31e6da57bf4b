package io.pxwizard.savedspec;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Saved specs, in table {@code saved_spec}. Each method is one transaction. */
@Repository
@Transactional
public class SavedSpecRepository {

	private final JdbcClient jdbc;

	public SavedSpecRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public SavedSpec save(String name, String version, String query) {
		OffsetDateTime now = now();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into saved_spec (name, version, query, created_at, updated_at) values (?, ?, ?, ?, ?)")
			.params(name, version, query, now, now)
			.update(key, "id");
		return find(key.getKey().longValue()).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<SavedSpec> find(long id) {
		return jdbc.sql("select id, name, version, query, created_at, updated_at from saved_spec where id = ?")
			.param(id)
			.query(SavedSpecRepository::row)
			.optional();
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public List<SavedSpec> findAll() {
		return jdbc
			.sql("select id, name, version, query, created_at, updated_at from saved_spec "
					+ "order by created_at desc, id desc")
			.query(SavedSpecRepository::row)
			.list();
	}

	public boolean rename(long id, String name) {
		return jdbc.sql("update saved_spec set name = ?, updated_at = ? where id = ?")
			.params(name, now(), id)
			.update() == 1;
	}

	public boolean delete(long id) {
		return jdbc.sql("delete from saved_spec where id = ?").param(id).update() == 1;
	}

	private static SavedSpec row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SavedSpec(rs.getLong("id"), rs.getString("name"), rs.getString("version"), rs.getString("query"),
				instant(rs.getObject("created_at", OffsetDateTime.class)),
				instant(rs.getObject("updated_at", OffsetDateTime.class)));
	}

	static Instant instant(OffsetDateTime time) {
		return time.toInstant();
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
