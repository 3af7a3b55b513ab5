package soc.cases.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.TenantIds;

/**
 * MTTA, MTTR and SLA compliance per tenant and month, from the timestamps the case workflow records together with
 * its audit entries (acknowledged: opened from alerts, assigned or moved on; contained; resolved). A case counts
 * in the month its clock started (its first alert's arrival). Reads run in the caller's tenant scope: a tenant
 * user asking for another tenant gets empty months (row-level security). Public API: the posture dashboard uses it.
 */
@Service
public class ResponseMetrics {
    private final JdbcClient jdbc;
    private final ZoneId zone;

    ResponseMetrics(JdbcClient jdbc, SlaPolicy policy) {
        this.jdbc = jdbc;
        this.zone = policy.properties().zone();
    }

    /** One month of a tenant. */
    @Transactional(readOnly = true)
    public MonthlyResponse month(String tenantId, YearMonth month) {
        return months(tenantId, month, month).get(0);
    }

    /** Every month from {@code from} to {@code to} (inclusive, oldest first), months without cases included as zeros. */
    @Transactional(readOnly = true)
    public List<MonthlyResponse> months(String tenantId, YearMonth from, YearMonth to) {
        if (!TenantIds.isValid(tenantId)) {
            throw new IllegalArgumentException("Invalid tenant id");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Range ends before it starts");
        }
        Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<YearMonth, MonthlyResponse> found = new LinkedHashMap<>();
        jdbc.sql("""
                        select to_char(sla_start_at at time zone :zone, 'YYYY-MM') as month,
                               count(*) as cases,
                               count(acknowledged_at) as acknowledged,
                               avg(extract(epoch from acknowledged_at - sla_start_at)) as mtta,
                               count(resolved_at) as resolved,
                               avg(extract(epoch from resolved_at - sla_start_at)) as mttr,
                               count(*) filter (where ack_due_at is not null
                                   and (acknowledged_at is not null or ack_due_at < :now)) as ack_measured,
                               count(*) filter (where acknowledged_at <= ack_due_at) as ack_met,
                               count(*) filter (where contain_due_at is not null
                                   and (least(contained_at, resolved_at) is not null or contain_due_at < :now))
                                   as contain_measured,
                               count(*) filter (where least(contained_at, resolved_at) <= contain_due_at) as contain_met
                        from case_file
                        where tenant_id = :tenant and sla_start_at >= :start and sla_start_at < :end
                        group by 1
                        """)
                .param("zone", zone.getId()).param("tenant", tenantId)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("now", Timestamp.from(Instant.now()))
                .query((rs, n) -> {
                    YearMonth month = YearMonth.parse(rs.getString("month"));
                    return found.put(month, new MonthlyResponse(tenantId, month, rs.getInt("cases"),
                            rs.getInt("acknowledged"), seconds(rs.getObject("mtta")), rs.getInt("resolved"),
                            seconds(rs.getObject("mttr")), rs.getInt("ack_measured"), rs.getInt("ack_met"),
                            rs.getInt("contain_measured"), rs.getInt("contain_met")));
                }).list();
        List<MonthlyResponse> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            MonthlyResponse figures = found.get(month);
            months.add(figures != null ? figures
                    : new MonthlyResponse(tenantId, month, 0, 0, null, 0, null, 0, 0, 0, 0));
        }
        return months;
    }

    private static Duration seconds(Object value) {
        if (value == null) {
            return null;
        }
        return Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000));
    }
}
