package soc.tenants.posture;

import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;

/**
 * History of the monthly posture reports (when, to whom, delivered or why not), and who receives them: the
 * tenant's enabled tenant admins whose sign-in name is an e-mail address.
 */
@Service
public class PostureReports {
    private final JdbcClient jdbc;
    private final AuditLog audit;

    PostureReports(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * E-mail addresses of the tenant's enabled tenant admins: their e-mail address where users have one, else their
     * sign-in name when it is an e-mail address.
     */
    @Transactional(readOnly = true)
    public List<String> recipients(String tenantId) {
        boolean emailColumn = jdbc.sql("""
                        select exists (select 1 from information_schema.columns
                                       where table_name = 'app_user' and column_name = 'email')
                        """).query(Boolean.class).single();
        String address = emailColumn ? "coalesce(nullif(email, ''), username)" : "username";
        return jdbc.sql("select distinct " + address + " as address from app_user where tenant_id = :tenant"
                        + " and role = 'TENANT_ADMIN' and enabled and " + address + " like '%_@_%' order by 1")
                .param("tenant", tenantId).query(String.class).list();
    }

    @Transactional
    public void record(String actor, String tenantId, YearMonth month, Integer score, List<String> recipients,
                       String delivery, int pdfBytes) {
        jdbc.sql("""
                        insert into posture_report (tenant_id, month, score, recipients, delivery, pdf_bytes)
                        values (:tenant, :month, :score, :recipients, :delivery, :bytes)
                        """)
                .param("tenant", tenantId).param("month", month.atDay(1)).param("score", score)
                .param("recipients", recipients.toArray(String[]::new)).param("delivery", delivery)
                .param("bytes", pdfBytes).update();
        audit.record(actor, tenantId, "posture.report", month + ": " + delivery);
    }

    /** The tenant's reports, newest first. */
    @Transactional(readOnly = true)
    public List<Report> history(String tenantId) {
        return jdbc.sql("""
                        select month, generated_at, score, recipients, delivery, pdf_bytes from posture_report
                        where tenant_id = :tenant order by month desc, generated_at desc limit 24
                        """)
                .param("tenant", tenantId)
                .query((rs, n) -> {
                    Array array = rs.getArray("recipients");
                    List<String> to = array == null ? List.of() : Arrays.asList((String[]) array.getArray());
                    Object score = rs.getObject("score");
                    return new Report(YearMonth.from(rs.getObject("month", LocalDate.class)),
                            rs.getTimestamp("generated_at").toInstant(), score == null ? null : ((Number) score).intValue(),
                            to, rs.getString("delivery"), rs.getInt("pdf_bytes"));
                }).list();
    }

    public record Report(YearMonth month, Instant generatedAt, Integer score, List<String> recipients, String delivery,
                         int pdfBytes) {
    }
}
