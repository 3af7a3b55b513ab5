package soc.cases.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.Severity;

/**
 * Recorded SLA warnings and breaches (one per item, target and kind), as the SLA monitor raised them. Reads run in
 * the caller's tenant scope (row-level security). New records are also announced as {@link SlaWarningRaised}.
 */
@Service
public class SlaBreaches {
    private static final String SELECT = """
            select sla_event_id, tenant_id, item_kind, item_id, target, kind, severity, title, due_at, raised_at
            from sla_event
            """;

    private final JdbcClient jdbc;

    SlaBreaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest warnings and breaches, newest first; a tenant filter narrows to one tenant (null: all in scope). */
    @Transactional(readOnly = true)
    public List<SlaEventRow> recent(String tenantFilter, int limit) {
        if (tenantFilter == null) {
            return jdbc.sql(SELECT + " order by raised_at desc, sla_event_id desc limit :limit").param("limit", limit)
                    .query(SlaBreaches::row).list();
        }
        return jdbc.sql(SELECT + " where tenant_id = :tenant order by raised_at desc, sla_event_id desc limit :limit")
                .param("tenant", tenantFilter).param("limit", limit).query(SlaBreaches::row).list();
    }

    /** Warnings and breaches of one case, oldest first. */
    @Transactional(readOnly = true)
    public List<SlaEventRow> forCase(long caseId) {
        return jdbc.sql(SELECT + " where item_kind = 'CASE' and item_id = :id order by raised_at, sla_event_id")
                .param("id", Long.toString(caseId)).query(SlaBreaches::row).list();
    }

    static SlaEventRow row(ResultSet rs, int n) throws SQLException {
        return new SlaEventRow(rs.getLong("sla_event_id"), rs.getString("tenant_id"), rs.getString("item_kind"),
                rs.getString("item_id"), SlaTarget.valueOf(rs.getString("target")), rs.getString("kind"),
                Severity.valueOf(rs.getString("severity")), rs.getString("title"),
                rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("raised_at").toInstant());
    }
}
