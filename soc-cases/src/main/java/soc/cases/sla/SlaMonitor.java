package soc.cases.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import soc.events.Severity;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;

/**
 * Looks for SLA timers near or past their deadline and records a warning or a breach once per item, target and
 * kind (a unique key, so several web instances may run the check), audits it and announces it as
 * {@link SlaWarningRaised} after the commit. Cases: every open case. Alerts: those still awaiting acknowledgement
 * with at least {@code soc.sla.alert-events-min-severity}, due within the last two days or the coming week.
 */
@Component
public class SlaMonitor {
    public static final String ACTOR = "sla-monitor";
    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    private final JdbcClient jdbc;
    private final SlaPolicy policy;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    SlaMonitor(JdbcClient jdbc, SlaPolicy policy, AuditLog audit, ApplicationEventPublisher events,
               PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${soc.sla.check-interval:PT1M}", initialDelayString = "PT20S")
    public void scheduledCheck() {
        try {
            check(Instant.now());
        } catch (RuntimeException e) {
            log.warn("SLA check failed, retrying at the next tick: {}", e.toString());
        }
    }

    /** One pass at {@code now}; returns what was newly recorded. */
    public List<SlaWarningRaised> check(Instant now) {
        List<SlaWarningRaised> raised = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> transactions.execute(status -> {
                    List<SlaWarningRaised> found = new ArrayList<>();
                    checkCases(now, found);
                    checkAlerts(now, found);
                    return found;
                }));
        raised.forEach(events::publishEvent);
        if (!raised.isEmpty()) {
            log.info("{} SLA warning(s)/breach(es) recorded", raised.size());
        }
        return raised;
    }

    private void checkCases(Instant now, List<SlaWarningRaised> found) {
        record Open(long caseId, String tenantId, Severity severity, String title, Instant start, Instant ackDue,
                    Instant acknowledged, Instant containDue, Instant contained) {
        }
        List<Open> open = jdbc.sql("""
                        select case_id, tenant_id, severity, title, sla_start_at, ack_due_at, acknowledged_at,
                               contain_due_at, least(contained_at, resolved_at) as contained
                        from case_file
                        where status <> 'CLOSED' and sla_start_at is not null
                          and ((acknowledged_at is null and ack_due_at is not null)
                            or (contained_at is null and resolved_at is null and contain_due_at is not null))
                        """)
                .query((rs, n) -> new Open(rs.getLong("case_id"), rs.getString("tenant_id"),
                        Severity.valueOf(rs.getString("severity")), rs.getString("title"),
                        rs.getTimestamp("sla_start_at").toInstant(), instant(rs.getTimestamp("ack_due_at")),
                        instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("contain_due_at")),
                        instant(rs.getTimestamp("contained")))).list();
        for (Open c : open) {
            consider("CASE", Long.toString(c.caseId()), c.tenantId(), c.severity(), c.title(),
                    policy.timer(SlaTarget.ACKNOWLEDGE, c.start(), c.ackDue(), c.acknowledged(), now), found);
            consider("CASE", Long.toString(c.caseId()), c.tenantId(), c.severity(), c.title(),
                    policy.timer(SlaTarget.CONTAIN, c.start(), c.containDue(), c.contained(), now), found);
        }
    }

    private void checkAlerts(Instant now, List<SlaWarningRaised> found) {
        record Waiting(String alertId, String tenantId, Severity severity, String title, Instant received, Instant due) {
        }
        List<Waiting> waiting = jdbc.sql("""
                        select a.alert_id, a.tenant_id, a.severity, a.rule_title, a.received_at, a.ack_due_at
                        from alert a
                        where a.status = 'NEW' and a.ack_due_at between :oldest and :latest
                          and a.severity_rank >= :minRank
                          and not exists (select 1 from sla_event e where e.item_kind = 'ALERT'
                                          and e.item_id = a.alert_id and e.kind = 'BREACH')
                        order by a.ack_due_at limit 1000
                        """)
                .param("oldest", Timestamp.from(now.minus(Duration.ofDays(2))))
                .param("latest", Timestamp.from(now.plus(Duration.ofDays(7))))
                .param("minRank", policy.properties().alertEventsMinSeverity().ordinal())
                .query((rs, n) -> new Waiting(rs.getString("alert_id"), rs.getString("tenant_id"),
                        Severity.valueOf(rs.getString("severity")), rs.getString("rule_title"),
                        rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("ack_due_at").toInstant())).list();
        for (Waiting a : waiting) {
            consider("ALERT", a.alertId(), a.tenantId(), a.severity(), a.title(),
                    policy.timer(SlaTarget.ACKNOWLEDGE, a.received(), a.due(), null, now), found);
        }
    }

    private void consider(String itemKind, String itemId, String tenantId, Severity severity, String title,
                          SlaTimer timer, List<SlaWarningRaised> found) {
        String kind = switch (timer.state()) {
            case WARNING -> "WARNING";
            case BREACHED -> "BREACH";
            default -> null;
        };
        if (kind == null) {
            return;
        }
        jdbc.sql("""
                        insert into sla_event (tenant_id, item_kind, item_id, target, kind, severity, title, due_at)
                        values (:tenant, :itemKind, :itemId, :target, :kind, :severity, :title, :due)
                        on conflict (item_kind, item_id, target, kind) do nothing
                        returning sla_event_id, raised_at
                        """)
                .param("tenant", tenantId).param("itemKind", itemKind).param("itemId", itemId)
                .param("target", timer.target().name()).param("kind", kind).param("severity", severity.name())
                .param("title", title).param("due", Timestamp.from(timer.due()))
                .query((rs, n) -> new SlaWarningRaised(rs.getLong("sla_event_id"), tenantId, itemKind, itemId,
                        timer.target(), kind, severity, title, timer.due(), rs.getTimestamp("raised_at").toInstant()))
                .optional()
                .ifPresent(raised -> {
                    audit.record(ACTOR, tenantId, "sla." + kind.toLowerCase(),
                            itemKind.toLowerCase() + " " + itemId + " " + timer.target() + " due " + timer.due());
                    found.add(raised);
                });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
