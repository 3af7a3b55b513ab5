package soc.cases.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For features that hang off a case (playbook tasks, observables): find a case the actor may act on, locking it
 * for the transaction, and write its timeline. Row-level security applies underneath.
 */
@Component
public class CaseRecords {
    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's tenant and status, locked; "not found" for another tenant's case or none. */
    public Locked lockVisible(CaseActor actor, long caseId) {
        return jdbc.sql("select tenant_id, status from case_file where case_id = :id for update")
                .param("id", caseId)
                .query((rs, n) -> new Locked(caseId, rs.getString("tenant_id"), CaseStatus.valueOf(rs.getString("status"))))
                .optional().filter(c -> actor.mayActOn(c.tenantId()))
                .orElseThrow(() -> new CaseNotFoundException("Case"));
    }

    /** The case's tenant if the actor may see it; "not found" otherwise. */
    public String visibleTenant(CaseActor actor, long caseId) {
        return jdbc.sql("select tenant_id from case_file where case_id = :id").param("id", caseId)
                .query(String.class).optional().filter(actor::mayActOn)
                .orElseThrow(() -> new CaseNotFoundException("Case"));
    }

    /** Adds a timeline entry and marks the case updated. */
    public void addEntry(long caseId, String tenantId, String actor, EntryKind kind, String text) {
        jdbc.sql("""
                        insert into case_entry (case_id, tenant_id, actor, kind, text)
                        values (:case, :tenant, :actor, :kind, :text)
                        """)
                .param("case", caseId).param("tenant", tenantId).param("actor", actor).param("kind", kind.name())
                .param("text", text).update();
        jdbc.sql("update case_file set updated_at = clock_timestamp() where case_id = :id").param("id", caseId).update();
    }

    /** A case as its tenant and status, locked for the transaction. */
    public record Locked(long caseId, String tenantId, CaseStatus status) {
    }
}
