package soc.cases.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.cases.cases.CaseEvent;
import soc.cases.cases.CaseFile;
import soc.events.Severity;

/**
 * SLA timers of cases. A case's clock starts when its first alert arrived (a case opened by hand: when it was
 * opened); opening a case from alerts acknowledges it. Deadlines are set when the case opens and again when its
 * severity changes, from the tenant's tier in force at that moment.
 */
@Service
public class CaseSlas {
    private final JdbcClient jdbc;
    private final SlaPolicy policy;

    CaseSlas(JdbcClient jdbc, SlaPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Sets the clock of a newly opened case, in the transaction that opened it. */
    @EventListener
    public void opened(CaseEvent.Opened event) {
        CaseFile file = event.file();
        Instant firstAlert = jdbc.sql("""
                        select min(a.received_at) from case_alert ca join alert a on a.alert_id = ca.alert_id
                        where ca.case_id = :id
                        """)
                .param("id", file.caseId()).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        Instant start = firstAlert != null && firstAlert.isBefore(file.createdAt()) ? firstAlert : file.createdAt();
        jdbc.sql("""
                        update case_file set sla_start_at = :start,
                               acknowledged_at = case when :fromAlerts then coalesce(acknowledged_at, created_at)
                                                      else acknowledged_at end
                        where case_id = :id
                        """)
                .param("start", Timestamp.from(start)).param("fromAlerts", firstAlert != null)
                .param("id", file.caseId()).update();
        setDeadlines(file.caseId(), file.tenantId(), file.severity(), start);
    }

    /** A new severity brings new deadlines (counted from the same start). */
    @EventListener
    public void severityChanged(CaseEvent.SeverityChanged event) {
        CaseFile file = event.file();
        Instant start = jdbc.sql("select coalesce(sla_start_at, created_at) from case_file where case_id = :id")
                .param("id", file.caseId()).query(Timestamp.class).single().toInstant();
        setDeadlines(file.caseId(), file.tenantId(), file.severity(), start);
    }

    private void setDeadlines(long caseId, String tenantId, Severity severity, Instant start) {
        Instant ackDue = policy.due(tenantId, severity, SlaTarget.ACKNOWLEDGE, start);
        Instant containDue = policy.due(tenantId, severity, SlaTarget.CONTAIN, start);
        jdbc.sql("update case_file set ack_due_at = :ack, contain_due_at = :contain where case_id = :id")
                .param("ack", ackDue == null ? null : Timestamp.from(ackDue))
                .param("contain", containDue == null ? null : Timestamp.from(containDue))
                .param("id", caseId).update();
    }

    /** The timers of the given cases the caller's scope may see, at {@code now}. */
    @Transactional(readOnly = true)
    public Map<Long, CaseSla> timers(Collection<Long> caseIds, Instant now) {
        Map<Long, CaseSla> result = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select case_id, sla_start_at, ack_due_at, acknowledged_at, contain_due_at,
                               least(contained_at, resolved_at) as contained
                        from case_file where case_id in (:ids)
                        """)
                .param("ids", List.copyOf(caseIds))
                .query((rs, n) -> {
                    long id = rs.getLong("case_id");
                    Instant start = instant(rs.getTimestamp("sla_start_at"));
                    SlaTimer ack = policy.timer(SlaTarget.ACKNOWLEDGE, start, instant(rs.getTimestamp("ack_due_at")),
                            instant(rs.getTimestamp("acknowledged_at")), now);
                    SlaTimer contain = policy.timer(SlaTarget.CONTAIN, start, instant(rs.getTimestamp("contain_due_at")),
                            instant(rs.getTimestamp("contained")), now);
                    return result.put(id, new CaseSla(id, ack, contain));
                }).list();
        return result;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
