package soc.cases.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.cases.cases.RootCause;
import soc.events.Severity;

/**
 * Read-only figures about alerts and cases for posture dashboards and reports. Each per-tenant query names its
 * tenant explicitly, and row-level security limits all of them to the caller's scope; the all-tenant queries
 * return something only in the provider scope.
 * <p>
 * MTTA: alert received → first triaged. MTTR: case created → closed.
 */
@Service
public class CaseMetrics {
    private final JdbcClient jdbc;

    CaseMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Alerts received per day (UTC) and severity in [from, to). */
    @Transactional(readOnly = true)
    public List<DailyCount> alertsPerDay(String tenantId, Instant from, Instant to) {
        return jdbc.sql("""
                        select (received_at at time zone 'UTC')::date as day, severity, count(*) as n from alert
                        where tenant_id = :tenant and received_at >= :from and received_at < :to
                        group by 1, 2 order by 1, 2
                        """)
                .param("tenant", tenantId).param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> new DailyCount(rs.getObject("day", LocalDate.class),
                        Severity.valueOf(rs.getString("severity")), rs.getLong("n"))).list();
    }

    /** The rules that raised most alerts in [from, to). */
    @Transactional(readOnly = true)
    public List<RuleCount> topRules(String tenantId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select rule_id, max(rule_title) as title, max(severity_rank) as rank, count(*) as n from alert
                        where tenant_id = :tenant and received_at >= :from and received_at < :to
                        group by rule_id order by n desc, rule_id limit :limit
                        """)
                .param("tenant", tenantId).param("from", ts(from)).param("to", ts(to)).param("limit", limit)
                .query((rs, i) -> new RuleCount(rs.getString("rule_id"), rs.getString("title"),
                        Severity.values()[rs.getInt("rank")], rs.getLong("n"))).list();
    }

    /** ATT&CK technique ids on the tenant's alerts in [from, to), with how many alerts carried each. */
    @Transactional(readOnly = true)
    public Map<String, Long> observedTechniques(String tenantId, Instant from, Instant to) {
        Map<String, Long> techniques = new LinkedHashMap<>();
        jdbc.sql("""
                        select upper(t) as technique, count(*) as n from alert, unnest(techniques) as t
                        where tenant_id = :tenant and received_at >= :from and received_at < :to
                        group by 1 order by 2 desc, 1
                        """)
                .param("tenant", tenantId).param("from", ts(from)).param("to", ts(to))
                .query(rs -> {
                    techniques.put(rs.getString("technique"), rs.getLong("n"));
                });
        return techniques;
    }

    /** Open (not closed) cases of the tenant by severity. */
    @Transactional(readOnly = true)
    public Map<Severity, Long> openCases(String tenantId) {
        Map<Severity, Long> open = new EnumMap<>(Severity.class);
        jdbc.sql("select severity, count(*) as n from case_file where tenant_id = :tenant and status <> 'CLOSED' group by 1")
                .param("tenant", tenantId)
                .query(rs -> {
                    open.put(Severity.valueOf(rs.getString("severity")), rs.getLong("n"));
                });
        return open;
    }

    /** Root causes of the tenant's cases closed in [from, to). */
    @Transactional(readOnly = true)
    public Map<RootCause, Long> rootCauses(String tenantId, Instant from, Instant to) {
        Map<RootCause, Long> causes = new EnumMap<>(RootCause.class);
        jdbc.sql("""
                        select root_cause, count(*) as n from case_file
                        where tenant_id = :tenant and status = 'CLOSED' and closed_at >= :from and closed_at < :to
                        group by 1
                        """)
                .param("tenant", tenantId).param("from", ts(from)).param("to", ts(to))
                .query(rs -> {
                    causes.put(RootCause.valueOf(rs.getString("root_cause")), rs.getLong("n"));
                });
        return causes;
    }

    /**
     * MTTA per month (UTC) for alerts received in [from, to) and triaged, with how many had an SLA deadline
     * ({@code ack_due_at}, set by soc.cases.sla at intake) and how many of those were triaged by it.
     */
    @Transactional(readOnly = true)
    public List<MonthlyTimes> acknowledgeTimes(String tenantId, Instant from, Instant to) {
        return jdbc.sql("""
                        select date_trunc('month', received_at at time zone 'UTC')::date as month, count(*) as n,
                               avg(extract(epoch from triaged_at - received_at)) as mean_s,
                               percentile_cont(0.5) within group (order by extract(epoch from triaged_at - received_at)) as median_s,
                               count(*) filter (where ack_due_at is not null) as with_target,
                               count(*) filter (where triaged_at <= ack_due_at) as within
                        from alert
                        where tenant_id = :tenant and triaged_at is not null and received_at >= :from and received_at < :to
                        group by 1 order by 1
                        """)
                .param("tenant", tenantId).param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> times(rs)).list();
    }

    /**
     * MTTR per month (UTC) of cases closed in [from, to), with how many had an SLA containment deadline and how many
     * of those were contained (or closed) by it.
     */
    @Transactional(readOnly = true)
    public List<MonthlyTimes> resolveTimes(String tenantId, Instant from, Instant to) {
        return jdbc.sql("""
                        select date_trunc('month', closed_at at time zone 'UTC')::date as month, count(*) as n,
                               avg(extract(epoch from closed_at - created_at)) as mean_s,
                               percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at)) as median_s,
                               count(*) filter (where contain_due_at is not null) as with_target,
                               count(*) filter (where coalesce(contained_at, closed_at) <= contain_due_at) as within
                        from case_file
                        where tenant_id = :tenant and closed_at is not null and closed_at >= :from and closed_at < :to
                        group by 1 order by 1
                        """)
                .param("tenant", tenantId).param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> times(rs)).list();
    }

    /**
     * Headline figures of every tenant visible to the caller (all tenants in the provider scope, one's own
     * otherwise), by tenant id: open high/critical cases, and alerts triaged in [from, to) with their mean time
     * and SLA compliance (triaged by their acknowledgement deadline).
     */
    @Transactional(readOnly = true)
    public Map<String, TenantFigures> perTenant(Instant from, Instant to) {
        return figures(null, from, to);
    }

    /** The headline figures of one tenant (zeros when the tenant is not visible in the caller's scope). */
    @Transactional(readOnly = true)
    public TenantFigures perTenantFigures(String tenantId, Instant from, Instant to) {
        return figures(tenantId, from, to).getOrDefault(tenantId, new TenantFigures(0, 0, 0, null, 0, 0));
    }

    private Map<String, TenantFigures> figures(String tenantId, Instant from, Instant to) {
        Map<String, TenantFigures> figures = new HashMap<>();
        jdbc.sql("""
                        select t.tenant_id,
                               (select count(*) from case_file c where c.tenant_id = t.tenant_id and c.status <> 'CLOSED'
                                   and c.severity in ('HIGH', 'CRITICAL')) as open_high,
                               (select count(*) from case_file c where c.tenant_id = t.tenant_id and c.status <> 'CLOSED') as open_all,
                               a.triaged, a.mean_s, a.with_target, a.within
                        from tenant t left join lateral (
                            select count(*) as triaged, avg(extract(epoch from triaged_at - received_at)) as mean_s,
                                   count(*) filter (where ack_due_at is not null) as with_target,
                                   count(*) filter (where triaged_at <= ack_due_at) as within
                            from alert where alert.tenant_id = t.tenant_id and triaged_at is not null
                              and received_at >= :from and received_at < :to) a on true
                        where cast(:tenant as text) is null or t.tenant_id = :tenant
                        """)
                .param("tenant", tenantId).param("from", ts(from)).param("to", ts(to))
                .query(rs -> {
                    Object mean = rs.getObject("mean_s");
                    figures.put(rs.getString("tenant_id"), new TenantFigures(rs.getLong("open_high"), rs.getLong("open_all"),
                            rs.getLong("triaged"), mean == null ? null : Duration.ofSeconds(Math.round(((Number) mean).doubleValue())),
                            rs.getLong("with_target"), rs.getLong("within")));
                });
        return figures;
    }

    private static MonthlyTimes times(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MonthlyTimes(rs.getObject("month", LocalDate.class), rs.getLong("n"),
                Duration.ofSeconds(Math.round(rs.getDouble("mean_s"))),
                Duration.ofSeconds(Math.round(rs.getDouble("median_s"))), rs.getLong("with_target"), rs.getLong("within"));
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    /** Start of a UTC day, for callers building ranges. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public record DailyCount(LocalDate day, Severity severity, long count) {
    }

    public record RuleCount(String ruleId, String title, Severity severity, long count) {
    }

    /** @param month first day of the month; of {@code withTarget} items with an SLA deadline, {@code withinTarget} met it */
    public record MonthlyTimes(LocalDate month, long count, Duration mean, Duration median, long withTarget,
                               long withinTarget) {
        /** Share of items with a deadline that met it, 0-100, or null without any deadline. */
        public Integer compliancePercent() {
            return withTarget == 0 ? null : (int) Math.round(100.0 * withinTarget / withTarget);
        }
    }

    /** @param meanAcknowledge null when nothing was triaged */
    public record TenantFigures(long openHighCases, long openCases, long triagedAlerts, Duration meanAcknowledge,
                                long triagedWithTarget, long triagedWithinTarget) {
        /** Share of triaged alerts with an SLA deadline that met it, 0-100, or null without any. */
        public Integer slaCompliancePercent() {
            return triagedWithTarget == 0 ? null : (int) Math.round(100.0 * triagedWithinTarget / triagedWithTarget);
        }
    }
}
