package soc.cases.alerts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import soc.cases.sla.SlaPolicy;
import soc.cases.sla.SlaTarget;
import soc.events.Alert;
import soc.events.EventJson;
import soc.events.Severity;

/** PostgreSQL access for alerts. Plain SQL because intake must be fast and the queue needs keyset paging. */
@Repository
public class AlertStore {
    private static final String INSERT = """
            insert into alert (alert_id, tenant_id, rule_id, rule_title, rule_author, severity, severity_rank,
                               techniques, event_ids, key_fields, fingerprint, event_time, detected_at, ack_due_at)
            values (:alertId, :tenantId, :ruleId, :ruleTitle, :ruleAuthor, :severity, :severityRank,
                    string_to_array(:techniques, ','), string_to_array(:eventIds, ','), cast(:keyFields as jsonb),
                    :fingerprint, :eventTime, :detectedAt, :ackDueAt)
            on conflict (alert_id) do nothing
            """;

    private final JdbcClient jdbc;
    private final SlaPolicy sla;

    AlertStore(JdbcClient jdbc, SlaPolicy sla) {
        this.jdbc = jdbc;
        this.sla = sla;
    }

    /** Inserts the alert unless it is already there; returns whether it was new. */
    public boolean insert(Alert alert) {
        // the acknowledgement deadline from the tenant's SLA tier, counted from arrival (now)
        Instant ackDue = sla.due(alert.tenantId(), alert.severity(), SlaTarget.ACKNOWLEDGE, Instant.now());
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
                .param("ackDueAt", ackDue == null ? null : Timestamp.from(ackDue))
                .update() == 1;
    }

    /**
     * A page of the queue, newest first, after the given cursor (null for the first page). Row-level security
     * limits rows to the caller's tenant scope; the tenant filter narrows further.
     */
    public List<AlertRow> page(String tenantFilter, AlertCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select alert_id, tenant_id, rule_id, rule_title, rule_author, severity, techniques,
                       key_fields::text as key_fields, status, event_time, received_at, ack_due_at, triaged_at
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
        return jdbc.sql(sql.toString()).params(params).query(AlertStore::row).list();
    }

    /**
     * A page of the queue for a filter, in the filter's order, after the given cursor (null for the first page).
     * Every order is keyset-paged over an index of its own (see V12); row-level security limits rows to the
     * caller's tenant scope.
     */
    public List<AlertRow> search(AlertQuery query, QueueCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select alert_id, tenant_id, rule_id, rule_title, rule_author, severity, techniques,
                       key_fields::text as key_fields, status, event_time, received_at, ack_due_at, triaged_at
                from alert where true
                """);
        List<Object> params = new ArrayList<>();
        if (query.tenant() != null) {
            sql.append(" and tenant_id = ?");
            params.add(query.tenant());
        }
        if (query.minSeverity() != null) {
            sql.append(" and severity_rank >= ?");
            params.add(query.minSeverity().ordinal());
        }
        if (query.status() != null) {
            sql.append(" and status = ?");
            params.add(query.status().name());
        }
        if (query.rule() != null) {
            sql.append(" and (rule_id = ? or rule_title ilike ? escape '\\')");
            params.add(query.rule());
            params.add("%" + query.rule().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.technique() != null) {
            sql.append(" and techniques @> array[?]::text[]");
            params.add(query.technique());
        }
        if (query.asset() != null) {
            sql.append(" and key_values @> array[lower(?)]::text[]");
            params.add(query.asset());
        }
        if (query.from() != null) {
            sql.append(" and received_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and received_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        switch (query.sort()) {
            case NEWEST -> {
                if (after != null) {
                    sql.append(" and (received_at, alert_id) < (?, ?)");
                    params.add(Timestamp.from(after.time()));
                    params.add(after.alertId());
                }
                sql.append(" order by received_at desc, alert_id desc");
            }
            case SEVERITY -> {
                if (after != null) {
                    sql.append(" and (severity_rank, received_at, alert_id) < (?, ?, ?)");
                    params.add(after.severityRank());
                    params.add(Timestamp.from(after.time()));
                    params.add(after.alertId());
                }
                sql.append(" order by severity_rank desc, received_at desc, alert_id desc");
            }
            case SLA_DUE -> {
                sql.append(" and status = 'NEW' and ack_due_at is not null");
                if (after != null) {
                    sql.append(" and (ack_due_at, alert_id) > (?, ?)");
                    params.add(Timestamp.from(after.time()));
                    params.add(after.alertId());
                }
                sql.append(" order by ack_due_at, alert_id");
            }
        }
        sql.append(" limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AlertStore::row).list();
    }

    private static final String DETAIL_COLUMNS = """
            select alert_id, tenant_id, rule_id, rule_title, rule_author, severity, techniques, event_ids,
                   key_fields::text as key_fields, fingerprint, status, assignee, close_reason, event_time,
                   detected_at, received_at
            from alert
            """;

    /** One alert, if the caller's tenant scope may see it. */
    public Optional<AlertDetail> find(String alertId) {
        return jdbc.sql(DETAIL_COLUMNS + " where alert_id = :id").param("id", alertId)
                .query(AlertStore::detail).optional();
    }

    /** The given alerts the caller's tenant scope may see, newest first. */
    public List<AlertDetail> findAll(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DETAIL_COLUMNS + " where alert_id in (:ids) order by received_at desc, alert_id desc")
                .param("ids", List.copyOf(alertIds)).query(AlertStore::detail).list();
    }

    /** Earlier alerts of the same tenant with the same fingerprint (repeats of one detection), newest first. */
    public List<AlertRow> earlierWithFingerprint(AlertDetail alert, int limit) {
        return jdbc.sql("""
                        select alert_id, tenant_id, rule_id, rule_title, rule_author, severity, techniques,
                               key_fields::text as key_fields, status, event_time, received_at, ack_due_at, triaged_at
                        from alert
                        where tenant_id = :tenant and fingerprint = :fingerprint and alert_id <> :id
                          and (received_at, alert_id) < (:receivedAt, :id)
                        order by received_at desc, alert_id desc limit :limit
                        """)
                .param("tenant", alert.tenantId()).param("fingerprint", alert.fingerprint())
                .param("id", alert.alertId()).param("receivedAt", Timestamp.from(alert.receivedAt()))
                .param("limit", limit)
                .query(AlertStore::row).list();
    }

    /**
     * Moves the given alerts to a new status where the current status allows it, and returns the changed
     * alerts' ids with their tenants (alert id to tenant id). Invisible alerts are never touched (row-level security).
     */
    public Map<String, String> transition(Collection<String> alertIds, Collection<AlertStatus> from, AlertStatus to,
                                          AlertCloseReason reason) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> changed = new LinkedHashMap<>();
        jdbc.sql("""
                        update alert set status = :to,
                               triaged_at = coalesce(triaged_at, clock_timestamp()),
                               close_reason = case when :to = 'CLOSED' then :reason else close_reason end,
                               closed_at = case when :to = 'CLOSED' then clock_timestamp() else closed_at end
                        where alert_id in (:ids) and status in (:from)
                        returning alert_id, tenant_id
                        """)
                .param("to", to.name()).param("reason", reason == null ? null : reason.name())
                .param("ids", List.copyOf(alertIds)).param("from", from.stream().map(Enum::name).toList())
                .query((rs, n) -> changed.put(rs.getString("alert_id"), rs.getString("tenant_id"))).list();
        return changed;
    }

    /** Assigns open alerts (a new one counts as acknowledged by it); returns alert id to tenant id of those changed. */
    public Map<String, String> assign(Collection<String> alertIds, String assignee) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> changed = new LinkedHashMap<>();
        jdbc.sql("""
                        update alert set assignee = :assignee,
                               status = case when status = 'NEW' then 'ACKNOWLEDGED' else status end,
                               triaged_at = coalesce(triaged_at, clock_timestamp())
                        where alert_id in (:ids) and status in ('NEW', 'ACKNOWLEDGED')
                          and assignee is distinct from :assignee
                        returning alert_id, tenant_id
                        """)
                .param("assignee", assignee).param("ids", List.copyOf(alertIds))
                .query((rs, n) -> changed.put(rs.getString("alert_id"), rs.getString("tenant_id"))).list();
        return changed;
    }

    private static AlertRow row(ResultSet rs, int n) throws SQLException {
        return new AlertRow(rs.getString("alert_id"), rs.getString("tenant_id"), rs.getString("rule_id"),
                rs.getString("rule_title"), rs.getString("rule_author"), Severity.valueOf(rs.getString("severity")),
                textArray(rs.getArray("techniques")), rs.getString("key_fields"),
                AlertStatus.valueOf(rs.getString("status")), rs.getTimestamp("event_time").toInstant(),
                rs.getTimestamp("received_at").toInstant(), instant(rs.getTimestamp("ack_due_at")),
                instant(rs.getTimestamp("triaged_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @SuppressWarnings("unchecked")
    private static AlertDetail detail(ResultSet rs, int n) throws SQLException {
        Map<String, String> keyFields = new TreeMap<>();
        EventJson.readObject(rs.getString("key_fields")).forEach((k, v) -> keyFields.put(k, String.valueOf(v)));
        String reason = rs.getString("close_reason");
        return new AlertDetail(rs.getString("alert_id"), rs.getString("tenant_id"), rs.getString("rule_id"),
                rs.getString("rule_title"), rs.getString("rule_author"), Severity.valueOf(rs.getString("severity")),
                textArray(rs.getArray("techniques")), textArray(rs.getArray("event_ids")), keyFields,
                rs.getString("fingerprint"), AlertStatus.valueOf(rs.getString("status")), rs.getString("assignee"),
                reason == null ? null : AlertCloseReason.valueOf(reason), rs.getTimestamp("event_time").toInstant(),
                rs.getTimestamp("detected_at").toInstant(), rs.getTimestamp("received_at").toInstant());
    }

    private static List<String> textArray(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Position in the queue for keyset paging. */
    public record AlertCursor(Instant receivedAt, String alertId) {
    }
}
