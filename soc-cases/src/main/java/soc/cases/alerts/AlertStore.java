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

    /** The planner's cost of a random page read for the queue's searches (see {@link #search}). */
    static final String QUEUE_RANDOM_PAGE_COST = "1.1";

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
     * caller's tenant scope. The technique and asset filters join {@code alert_filter_value} (V18), whose b-tree
     * ranges are in queue order; the rule filter first matches the few distinct rules of {@code alert_rule} (V18)
     * and then takes each matching rule's first page from its own ordered index range (a top-n merge), so neither
     * needs to read and sort every matching alert. docs/benchmarks.md ("Alert queue") explains the plans.
     */
    public List<AlertRow> search(AlertQuery query, QueueCursor after, int limit) {
        // Row-level security hides the policy's selectivity from the planner (it estimates that a few percent of
        // the rows pass), so a custom plan for the actual values tends to fetch every match by bitmap and sort it
        // rather than walk the ordered index until the page is full (1.6 s against 1 ms for one tenant's newest).
        // A generic plan costs the parameterised LIMIT as a fast-start walk, and 1.1 is the random page cost of
        // cached or SSD data (the default 4 is for spinning disks). Both for this transaction only (the caller's);
        // docs/benchmarks.md ("Alert queue") shows the plans.
        jdbc.sql("select set_config('plan_cache_mode', 'force_generic_plan', true), set_config('random_page_cost', ?, true)")
                .param(QUEUE_RANDOM_PAGE_COST).query((rs, n) -> n).list();
        StringBuilder sql = new StringBuilder("""
                select a.alert_id, a.tenant_id, a.rule_id, a.rule_title, a.rule_author, a.severity, a.severity_rank,
                       a.techniques, a.key_fields::text as key_fields, a.status, a.event_time, a.received_at,
                       a.ack_due_at, a.triaged_at
                from alert a
                """);
        List<Object> params = new ArrayList<>();
        // the newest-first order and its keyset run over the side table's ordered range when there is one
        String keyed = "a";
        if (query.technique() != null) {
            sql.append(" join alert_filter_value ft on ft.alert_id = a.alert_id and ft.tenant_id = a.tenant_id"
                    + " and ft.received_at = a.received_at and ft.kind = 'TECHNIQUE' and ft.value = ?");
            params.add(query.technique());
            keyed = "ft";
        }
        if (query.asset() != null) {
            sql.append(" join alert_filter_value fa on fa.alert_id = a.alert_id and fa.tenant_id = a.tenant_id"
                    + " and fa.received_at = a.received_at and fa.kind = 'ASSET' and fa.value = lower(?)");
            params.add(query.asset());
            keyed = query.technique() != null ? keyed : "fa";
        }
        sql.append(" where true");
        if (query.rule() != null) {
            // inside the lateral subquery below: one matching rule's alerts
            sql.append(" and a.tenant_id = r.tenant_id and a.rule_id = r.rule_id and a.rule_title = r.rule_title");
        }
        if (query.tenant() != null) {
            sql.append(" and a.tenant_id = ?");
            params.add(query.tenant());
        }
        if (query.minSeverity() != null) {
            sql.append(" and a.severity_rank >= ?");
            params.add(query.minSeverity().ordinal());
        }
        if (query.status() != null) {
            sql.append(" and a.status = ?");
            params.add(query.status().name());
        }
        if (query.from() != null) {
            sql.append(" and a.received_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and a.received_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        String order = switch (query.sort()) {
            case NEWEST -> {
                if (after != null) {
                    sql.append(" and (").append(keyed).append(".received_at, ").append(keyed).append(".alert_id) < (?, ?)");
                    params.add(Timestamp.from(after.time()));
                    params.add(after.alertId());
                }
                yield "%1$s.received_at desc, %1$s.alert_id desc";
            }
            case SEVERITY -> {
                if (after != null) {
                    sql.append(" and (a.severity_rank, a.received_at, a.alert_id) < (?, ?, ?)");
                    params.add(after.severityRank());
                    params.add(Timestamp.from(after.time()));
                    params.add(after.alertId());
                }
                yield "%1$s.severity_rank desc, %1$s.received_at desc, %1$s.alert_id desc";
            }
            case SLA_DUE -> {
                sql.append(" and a.status = 'NEW' and a.ack_due_at is not null");
                if (after != null) {
                    sql.append(" and (a.ack_due_at, a.alert_id) > (?, ?)");
                    params.add(Timestamp.from(after.time()));
                    params.add(after.alertId());
                }
                yield "%1$s.ack_due_at, %1$s.alert_id";
            }
        };
        sql.append(" order by ").append(order.formatted(query.sort() == QueueSort.NEWEST ? keyed : "a"));
        sql.append(" limit ?");
        params.add(limit);
        if (query.rule() != null) {
            // the rule matches a rule id or part of a rule title: match the distinct rules, then merge the first
            // page of each matching rule (the top n of a union is within the union of each part's top n)
            sql.insert(0, "select x.* from alert_rule r cross join lateral (").append(") x")
                    .append(" where (r.rule_id = ? or r.rule_title ilike ? escape '\\')");
            params.add(query.rule());
            params.add("%" + query.rule().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (query.tenant() != null) {
                sql.append(" and r.tenant_id = ?");
                params.add(query.tenant());
            }
            sql.append(" order by ").append(order.formatted("x")).append(" limit ?");
            params.add(limit);
        }
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
