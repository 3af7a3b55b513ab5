package soc.cases.alerts;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import soc.events.Alert;
import soc.events.EventJson;
import soc.events.Severity;

/** PostgreSQL access for alerts. Plain SQL because intake must be fast and the queue needs keyset paging. */
@Repository
public class AlertStore {
    private static final String INSERT = """
            insert into alert (alert_id, tenant_id, rule_id, rule_title, rule_author, severity, severity_rank,
                               techniques, event_ids, key_fields, fingerprint, event_time, detected_at)
            values (:alertId, :tenantId, :ruleId, :ruleTitle, :ruleAuthor, :severity, :severityRank,
                    string_to_array(:techniques, ','), string_to_array(:eventIds, ','), cast(:keyFields as jsonb),
                    :fingerprint, :eventTime, :detectedAt)
            on conflict (alert_id) do nothing
            """;

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the alert unless it is already there; returns whether it was new. */
    public boolean insert(Alert alert) {
        return jdbc.sql(INSERT)
                .param("alertId", alert.alertId())
                .param("tenantId", alert.tenantId())
                .param("ruleId", alert.ruleId())
                .param("ruleTitle", alert.ruleTitle() == null ? alert.ruleId() : alert.ruleTitle())
                .param("ruleAuthor", alert.ruleAuthor())
                .param("severity", alert.severity().name())
                .param("severityRank", alert.severity().ordinal())
                .param("techniques", String.join(",", alert.techniques()))
                .param("eventIds", String.join(",", alert.eventIds()))
                .param("keyFields", EventJson.write(alert.keyFields()))
                .param("fingerprint", alert.fingerprint())
                .param("eventTime", Timestamp.from(alert.eventTime() == null ? alert.detectedAt() : alert.eventTime()))
                .param("detectedAt", Timestamp.from(alert.detectedAt()))
                .update() == 1;
    }

    /**
     * A page of the queue, newest first, after the given cursor (null for the first page). Row-level security
     * limits rows to the caller's tenant scope; the tenant filter narrows further.
     */
    public List<AlertRow> page(String tenantFilter, AlertCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select alert_id, tenant_id, rule_id, rule_title, rule_author, severity, techniques,
                       key_fields::text as key_fields, status, event_time, received_at
                from alert where true
                """);
        List<Object> params = new ArrayList<>();
        if (tenantFilter != null) {
            sql.append(" and tenant_id = ?");
            params.add(tenantFilter);
        }
        if (after != null) {
            sql.append(" and (received_at, alert_id) < (?, ?)");
            params.add(Timestamp.from(after.receivedAt()));
            params.add(after.alertId());
        }
        sql.append(" order by received_at desc, alert_id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AlertRow(
                rs.getString("alert_id"), rs.getString("tenant_id"), rs.getString("rule_id"),
                rs.getString("rule_title"), rs.getString("rule_author"), Severity.valueOf(rs.getString("severity")),
                textArray(rs.getArray("techniques")), rs.getString("key_fields"),
                AlertStatus.valueOf(rs.getString("status")), rs.getTimestamp("event_time").toInstant(),
                rs.getTimestamp("received_at").toInstant())).list();
    }

    private static List<String> textArray(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Position in the queue for keyset paging. */
    public record AlertCursor(Instant receivedAt, String alertId) {
    }
}
