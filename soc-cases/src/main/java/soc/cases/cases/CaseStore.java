package soc.cases.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import soc.events.Severity;

/** PostgreSQL access for cases, their alerts and timeline. Row-level security limits every query to the caller's scope. */
@Repository
class CaseStore {
    private static final String SELECT = """
            select c.case_id, c.tenant_id, c.title, c.severity, c.status, c.assignee, c.assignee_side, c.created_at,
                   c.updated_at, c.closed_at, c.resolution, c.root_cause,
                   (select count(*) from case_alert a where a.case_id = c.case_id) as alert_count
            from case_file c
            """;

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String tenantId, String title, Severity severity) {
        return jdbc.sql("""
                        insert into case_file (tenant_id, title, severity) values (:tenant, :title, :severity)
                        returning case_id
                        """)
                .param("tenant", tenantId).param("title", title).param("severity", severity.name())
                .query(Long.class).single();
    }

    void addAlert(long caseId, String alertId, String tenantId) {
        jdbc.sql("insert into case_alert (case_id, alert_id, tenant_id) values (:case, :alert, :tenant)")
                .param("case", caseId).param("alert", alertId).param("tenant", tenantId).update();
    }

    void addEntry(long caseId, String tenantId, String actor, EntryKind kind, String text) {
        jdbc.sql("""
                        insert into case_entry (case_id, tenant_id, actor, kind, text)
                        values (:case, :tenant, :actor, :kind, :text)
                        """)
                .param("case", caseId).param("tenant", tenantId).param("actor", actor).param("kind", kind.name())
                .param("text", text).update();
        touch(caseId);
    }

    /** Locks the case row for the rest of the transaction, so concurrent status changes serialise. */
    Optional<CaseFile> findForUpdate(long caseId) {
        return jdbc.sql(SELECT + " where c.case_id = :id for update of c").param("id", caseId)
                .query(CaseStore::caseFile).optional();
    }

    Optional<CaseFile> find(long caseId) {
        return jdbc.sql(SELECT + " where c.case_id = :id").param("id", caseId).query(CaseStore::caseFile).optional();
    }

    List<CaseFile> list(String tenantFilter, boolean openOnly, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (tenantFilter != null) {
            sql.append(" and c.tenant_id = :tenant");
        }
        if (openOnly) {
            sql.append(" and c.status <> 'CLOSED'");
        }
        sql.append(" order by c.updated_at desc, c.case_id desc limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (tenantFilter != null) {
            statement = statement.param("tenant", tenantFilter);
        }
        return statement.query(CaseStore::caseFile).list();
    }

    List<String> alertIds(long caseId) {
        return jdbc.sql("select alert_id from case_alert where case_id = :id order by alert_id").param("id", caseId)
                .query(String.class).list();
    }

    List<TimelineItem> entries(long caseId) {
        return jdbc.sql("""
                        select at, actor, kind, text from case_entry where case_id = :id order by at, entry_id
                        """)
                .param("id", caseId)
                .query((rs, n) -> new TimelineItem(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        EntryKind.valueOf(rs.getString("kind")), rs.getString("text"), null))
                .list();
    }

    void updateStatus(long caseId, CaseStatus status, String resolution, RootCause rootCause) {
        jdbc.sql("""
                        update case_file set status = :status, updated_at = clock_timestamp(),
                               closed_at = case when :status = 'CLOSED' then clock_timestamp() else closed_at end,
                               acknowledged_at = coalesce(acknowledged_at, clock_timestamp()),
                               contained_at = case when :status in ('CONTAINED', 'RESOLVED', 'CLOSED')
                                   then coalesce(contained_at, clock_timestamp()) else contained_at end,
                               resolved_at = case when :status in ('RESOLVED', 'CLOSED')
                                   then coalesce(resolved_at, clock_timestamp()) else resolved_at end,
                               resolution = coalesce(:resolution, resolution),
                               root_cause = coalesce(:rootCause, root_cause)
                        where case_id = :id
                        """)
                .param("status", status.name()).param("resolution", resolution)
                .param("rootCause", rootCause == null ? null : rootCause.name()).param("id", caseId).update();
    }

    void updateSeverity(long caseId, Severity severity) {
        jdbc.sql("update case_file set severity = :severity, updated_at = clock_timestamp() where case_id = :id")
                .param("severity", severity.name()).param("id", caseId).update();
    }

    void assign(long caseId, String assignee, AssigneeSide side) {
        jdbc.sql("""
                        update case_file set assignee = :assignee, assignee_side = :side, updated_at = clock_timestamp(),
                               acknowledged_at = coalesce(acknowledged_at, clock_timestamp())
                        where case_id = :id
                        """)
                .param("assignee", assignee).param("side", side.name()).param("id", caseId).update();
    }

    private void touch(long caseId) {
        jdbc.sql("update case_file set updated_at = clock_timestamp() where case_id = :id").param("id", caseId).update();
    }

    private static CaseFile caseFile(ResultSet rs, int n) throws SQLException {
        String side = rs.getString("assignee_side");
        String rootCause = rs.getString("root_cause");
        return new CaseFile(rs.getLong("case_id"), rs.getString("tenant_id"), rs.getString("title"),
                Severity.valueOf(rs.getString("severity")), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"), side == null ? null : AssigneeSide.valueOf(side),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("closed_at")), rs.getString("resolution"),
                rootCause == null ? null : RootCause.valueOf(rootCause), rs.getInt("alert_count"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
