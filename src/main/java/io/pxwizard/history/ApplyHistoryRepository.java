package io.pxwizard.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pxwizard.apply.ApplyLine;
import io.pxwizard.apply.ApplyRun;
import io.pxwizard.cluster.ClusterInfo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Apply history, in tables {@code apply_record} and {@code apply_line}. A run is recorded
 * when it starts, its lines as they are written and its end when it ends, so any instance
 * on the same database can show it while it goes on; the history lists finished runs.
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

	/** Records a run that has just started, without lines yet. */
	public long started(ApplyRun run, String instance) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into apply_record (spec_version, spec_query, cluster_server, cluster_context, dry_run, result, "
						+ "started_at, action, upgraded_from, upgraded_to, actor, run_id, spec_url, namespace, local_render, "
						+ "instance, cluster_kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(run.version(), run.query(), run.cluster().server(), run.cluster().context(), run.dryRun(),
					ApplyRun.State.RUNNING.name(), utc(run.started()), run.action().name(),
					truncate(run.upgradedFrom(), 40), truncate(run.upgradedTo(), 40), truncate(run.actor(), 200),
					run.id(), truncate(run.specUrl(), 8200), truncate(run.namespace(), 63), run.local(),
					truncate(instance, 200), run.cluster().kind().name())
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * Writes a run's line at its position: a new one, or the wait it ends. One statement
	 * each way, the record found by its run id.
	 */
	public void line(String runId, int position, ApplyLine line) {
		String object = truncate(line.object(), 500);
		String result = truncate(line.result(), 4000);
		int updated = jdbc
			.sql("update apply_line set object = ?, result = ?, status = ? "
					+ "where position = ? and apply_id = (select id from apply_record where run_id = ?)")
			.params(object, result, line.status().name(), position, runId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into apply_line (apply_id, position, object, result, status) "
					+ "select id, ?, ?, ?, ? from apply_record where run_id = ?")
				.params(position, object, result, line.status().name(), runId)
				.update();
		}
	}

	/** Removes a run that never ran (it was refused the cluster), lines and all. */
	public void forget(String runId) {
		jdbc.sql("delete from apply_record where run_id = ?").param(runId).update();
	}

	/**
	 * Records how a run ended with all its lines, in one transaction; a run recorded at
	 * its start is completed, any other one inserted whole.
	 */
	public long record(ApplyRun run) {
		List<ApplyLine> lines = run.lines();
		String reason = lines.stream()
			.filter((line) -> line.status() == ApplyLine.Status.FAILED)
			.map((line) -> line.object() + ": " + line.result())
			.findFirst()
			.map((text) -> truncate(text, 4000))
			.orElse(null);
		Instant finished = (run.finished() != null) ? run.finished() : Instant.now();
		Long started = recordId(run.id());
		long id;
		if (started != null) {
			id = started;
			jdbc.sql("update apply_record set result = ?, reason = ?, finished_at = ?, action = ?, upgraded_from = ?, "
					+ "upgraded_to = ? where id = ?")
				.params(run.state().name(), reason, utc(finished), run.action().name(),
						truncate(run.upgradedFrom(), 40), truncate(run.upgradedTo(), 40), id)
				.update();
			// The lines written as they went may have missed one (a database hiccup):
			// the run's own list is the truth.
			jdbc.sql("delete from apply_line where apply_id = ?").param(id).update();
		}
		else {
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("insert into apply_record (spec_version, spec_query, cluster_server, cluster_context, dry_run, "
					+ "result, reason, started_at, finished_at, action, upgraded_from, upgraded_to, actor) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(run.version(), run.query(), run.cluster().server(), run.cluster().context(), run.dryRun(),
						run.state().name(), reason, utc(run.started()), utc(finished), run.action().name(),
						truncate(run.upgradedFrom(), 40), truncate(run.upgradedTo(), 40), truncate(run.actor(), 200))
				.update(key, "id");
			id = key.getKey().longValue();
		}
		for (int i = 0; i < lines.size(); i++) {
			ApplyLine line = lines.get(i);
			jdbc.sql("insert into apply_line (apply_id, position, object, result, status) values (?, ?, ?, ?, ?)")
				.params(id, i, truncate(line.object(), 500), truncate(line.result(), 4000), line.status().name())
				.update();
		}
		return id;
	}

	/**
	 * Ends a run whose instance died (its Lease expired and another instance took it
	 * over): failed, with a last line that says so.
	 */
	public void abandoned(String runId, String instance, String line) {
		Long id = recordId(runId);
		if (id == null) {
			return;
		}
		int ended = jdbc
			.sql("update apply_record set result = ?, reason = ?, finished_at = ? where id = ? and result = ?")
			.params(ApplyRun.State.FAILED.name(), truncate(instance + ": " + line, 4000), utc(Instant.now()), id,
					ApplyRun.State.RUNNING.name())
			.update();
		if (ended > 0) {
			int next = jdbc.sql("select count(*) from apply_line where apply_id = ?")
				.param(id)
				.query(Integer.class)
				.single();
			jdbc.sql("insert into apply_line (apply_id, position, object, result, status) values (?, ?, ?, ?, ?)")
				.params(id, next, truncate(instance, 500), truncate(line, 4000), ApplyLine.Status.FAILED.name())
				.update();
		}
	}

	/** A run as recorded, while it runs (on any instance) or after. */
	@Transactional(readOnly = true)
	public Optional<ApplyRun> run(String runId) {
		Optional<ApplyRun> found = jdbc
			.sql("select " + COLUMNS
					+ ", run_id, spec_url, namespace, local_render, cluster_kind from apply_record where run_id = ?")
			.param(runId)
			.query((rs, n) -> {
				ApplyRecord record = row(rs, n);
				List<ApplyLine> lines = lines(record.id());
				return ApplyRun.recorded(rs.getString("run_id"), record.version(), parameters(record.query()),
						record.query(), rs.getString("spec_url"), rs.getString("namespace"), record.dryRun(),
						rs.getBoolean("local_render"),
						new ClusterInfo(record.clusterServer(), record.clusterContext(),
								ClusterInfo.Kind.valueOf(rs.getString("cluster_kind"))),
						record.startedAt(), lines, ApplyRun.State.valueOf(record.result()), record.finishedAt(),
						record.action(), record.upgradedFrom(), record.upgradedTo(), record.actor());
			})
			.optional();
		return found;
	}

	private List<ApplyLine> lines(long id) {
		return jdbc.sql("select object, result, status from apply_line where apply_id = ? order by position")
			.param(id)
			.query((rs, n) -> new ApplyLine(rs.getString("object"), rs.getString("result"),
					ApplyLine.Status.valueOf(rs.getString("status"))))
			.list();
	}

	/**
	 * A spec's parameters from its canonical query, to apply it again from the run's
	 * page.
	 */
	private static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.newInstance()
			.query(query)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(UriUtils.decode(name, StandardCharsets.UTF_8), UriUtils
				.decode(values.isEmpty() || values.get(0) == null ? "" : values.get(0), StandardCharsets.UTF_8)));
		return parameters;
	}

	private Long recordId(String runId) {
		return jdbc.sql("select id from apply_record where run_id = ?")
			.param(runId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The most recent applies, newest first. */
	@Transactional(readOnly = true)
	public List<ApplyRecord> recent(int limit) {
		return withLines(jdbc
			.sql("select " + COLUMNS + " from apply_record where result <> 'RUNNING' order by started_at desc, id desc "
					+ "fetch first ? rows only")
			.param(limit)
			.query(ApplyHistoryRepository::row)
			.list());
	}

	/** The applies of one spec, newest first. */
	@Transactional(readOnly = true)
	public List<ApplyRecord> ofSpec(String version, String query) {
		return withLines(jdbc
			.sql("select " + COLUMNS
					+ " from apply_record where spec_version = ? and spec_query = ? and result <> 'RUNNING' "
					+ "order by started_at desc, id desc")
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
				instant(rs.getObject("finished_at", OffsetDateTime.class)),
				ApplyRun.Action.valueOf(rs.getString("action")), rs.getString("upgraded_from"),
				rs.getString("upgraded_to"), rs.getString("actor"), List.of());
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

}
