package soc.tenants.discovery;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.EventJson;
import soc.tenants.audit.AuditLog;
import soc.tenants.onboarding.ChecklistItem;
import soc.tenants.onboarding.Onboarding;

/**
 * The discovery questionnaire of each tenant. Every submission is kept (history); the latest one is the current
 * picture the roadmap works from. Submitting ticks "Discovery questionnaire completed" on the checklist.
 * Callers check who may answer for which tenant; row-level security limits the rows underneath.
 */
@Service
public class Discovery {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Onboarding onboarding;

    Discovery(JdbcTemplate jdbc, AuditLog audit, Onboarding onboarding) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.onboarding = onboarding;
    }

    @Transactional
    public void submit(String actor, String tenantId, DiscoveryAnswers answers) {
        jdbc.update("insert into discovery_response (tenant_id, answers, answered_by) values (?, ?, ?)",
                tenantId, EventJson.write(answers), actor);
        audit.record(actor, tenantId, "discovery.answered", summary(answers));
        onboarding.observed(tenantId, ChecklistItem.DISCOVERY_DONE, actor);
    }

    @Transactional(readOnly = true)
    public Optional<DiscoveryResponse> latest(String tenantId) {
        return jdbc.query("select * from discovery_response where tenant_id = ? order by answered_at desc, response_id desc"
                + " limit 1", ROWS, tenantId).stream().findFirst();
    }

    /** Every submission, newest first. */
    @Transactional(readOnly = true)
    public List<DiscoveryResponse> history(String tenantId) {
        return jdbc.query("select * from discovery_response where tenant_id = ? order by answered_at desc, response_id desc",
                ROWS, tenantId);
    }

    private static String summary(DiscoveryAnswers a) {
        return "EDR " + blankAsNone(a.edrProduct()) + ", MFA " + a.mfa() + ", OT " + (a.hasOt() ? "yes" : "no");
    }

    private static String blankAsNone(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }

    private static final RowMapper<DiscoveryResponse> ROWS = (rs, n) -> {
        Timestamp at = rs.getTimestamp("answered_at");
        return new DiscoveryResponse(rs.getLong("response_id"), rs.getString("tenant_id"),
                EventJson.read(rs.getString("answers"), DiscoveryAnswers.class), rs.getString("answered_by"),
                at.toInstant());
    };
}
