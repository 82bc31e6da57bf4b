package io.pxwizard.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyRun;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Apply history, in tables {@code apply_record} and {@code apply_line}; a record and its
 * lines are one write.
 */
@Repository
@Transactional
public class ApplyHistoryRepository {

	private static final String COLUMNS = "id, spec_version, spec_query, cluster_server, cluster_context, dry_run, "
			+ "result, reason, started_at, finished_at, action, upgraded_from, upgraded_to, actor";

	private final JdbcClient jdbc;

	public ApplyHistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a finished apply with all its lines, in one transaction. */
	public long record(ApplyRun run) {
		List<ApplyLine> lines = run.lines();
		String reason = lines.stream()
			.filter((line) -> line.status() == ApplyLine.Status.FAILED)
			.map((line) -> line.object() + ": " + line.result())
			.findFirst()
			.map((text) -> text.length() > 4000 ? text.substring(0, 4000) : text)
			.orElse(null);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into apply_record (spec_version, spec_query, cluster_server, cluster_context, dry_run, result, "
						+ "reason, started_at, finished_at, action, upgraded_from, upgraded_to, actor) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(run.version(), run.query(), run.cluster().server(), run.cluster().context(), run.dryRun(),
					run.state().name(), reason, utc(run.started()),
					utc((run.finished() != null) ? run.finished() : java.time.Instant.now()), run.action().name(),
					truncate(run.upgradedFrom(), 40), truncate(run.upgradedTo(), 40), truncate(run.actor(), 200))
			.update(key, "id");
		long id = key.getKey().longValue();
		for (int i = 0; i < lines.size(); i++) {
			ApplyLine line = lines.get(i);
			jdbc.sql("insert into apply_line (apply_id, position, object, result, status) values (?, ?, ?, ?, ?)")
				.params(id, i, truncate(line.object(), 500), truncate(line.result(), 4000), line.status().name())
				.update();
		}
		return id;
	}

	/** The most recent applies, newest first. */
	@Transactional(readOnly = true)
	public List<ApplyRecord> recent(int limit) {
		return withLines(jdbc
			.sql("select " + COLUMNS + " from apply_record order by started_at desc, id desc fetch first ? rows only")
			.param(limit)
			.query(ApplyHistoryRepository::row)
			.list());
	}

	/** The applies of one spec, newest first. */
	@Transactional(readOnly = true)
	public List<ApplyRecord> ofSpec(String version, String query) {
		return withLines(jdbc
			.sql("select " + COLUMNS
					+ " from apply_record where spec_version = ? and spec_query = ? order by started_at desc, id desc")
			.params(version, query)
			.query(ApplyHistoryRepository::row)
			.list());
	}

	private List<ApplyRecord> withLines(List<ApplyRecord> records) {
		if (records.isEmpty()) {
			return records;
		}
		Map<Long, List<ApplyLine>> lines = new LinkedHashMap<>();
		records.forEach((record) -> lines.put(record.id(), new ArrayList<>()));
		jdbc.sql("select apply_id, object, result, status from apply_line where apply_id in (:ids) "
				+ "order by apply_id, position")
			.param("ids", List.copyOf(lines.keySet()))
			.query((rs) -> {
				List<ApplyLine> list = lines.get(rs.getLong("apply_id"));
				if (list != null) {
					list.add(new ApplyLine(rs.getString("object"), rs.getString("result"),
							ApplyLine.Status.valueOf(rs.getString("status"))));
				}
			});
		return records.stream()
			.map((r) -> new ApplyRecord(r.id(), r.version(), r.query(), r.clusterServer(), r.clusterContext(),
					r.dryRun(), r.result(), r.reason(), r.startedAt(), r.finishedAt(), r.action(), r.upgradedFrom(),
					r.upgradedTo(), r.actor(), List.copyOf(lines.get(r.id()))))
			.toList();
	}

	private static ApplyRecord row(ResultSet rs, int row) throws SQLException {
		return new ApplyRecord(rs.getLong("id"), rs.getString("spec_version"), rs.getString("spec_query"),
				rs.getString("cluster_server"), rs.getString("cluster_context"), rs.getBoolean("dry_run"),
				rs.getString("result"), rs.getString("reason"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
				ApplyRun.Action.valueOf(rs.getString("action")), rs.getString("upgraded_from"),
				rs.getString("upgraded_to"), rs.getString("actor"), List.of());
	}

	private static OffsetDateTime utc(java.time.Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

}
