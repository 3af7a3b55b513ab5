package soc.cases.links;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.tenants.audit.AuditLog;

/**
 * Links between two cases of the same tenant (related, or duplicate of), shown on both cases and recorded on both
 * timelines. A case of another tenant is "not found", whoever asks.
 */
@Service
public class CaseLinks {
    private final JdbcClient jdbc;
    private final AuditLog audit;

    CaseLinks(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public long link(CaseActor actor, long caseId, long targetId, LinkKind kind) {
        if (kind == null) {
            throw new CaseRuleException("link.error.kind", "Choose how the cases are linked");
        }
        String tenant = visibleCase(actor, caseId);
        if (caseId == targetId) {
            throw new CaseRuleException("link.error.self", "A case cannot be linked to itself");
        }
        Optional<String> targetTenant = tenantOf(targetId).filter(actor::mayActOn);
        if (targetTenant.isEmpty() || !targetTenant.get().equals(tenant)) {
            // another tenant's case is reported exactly like a missing one
            throw new CaseRuleException("link.error.target", "There is no case #" + targetId + " of this tenant", targetId);
        }
        long linkId;
        try {
            linkId = jdbc.sql("""
                            insert into case_link (tenant_id, case_id, target_id, kind, created_by)
                            values (:tenant, :case, :target, :kind, :by) returning link_id
                            """)
                    .param("tenant", tenant).param("case", caseId).param("target", targetId).param("kind", kind.name())
                    .param("by", actor.username()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new CaseRuleException("link.error.exists", "These cases are already linked", targetId);
        }
        entry(caseId, tenant, actor, kind + " #" + targetId);
        entry(targetId, tenant, actor, (kind == LinkKind.DUPLICATE_OF ? "HAS_DUPLICATE" : "RELATED") + " #" + caseId);
        audit.record(actor.username(), tenant, "case.linked", "case " + caseId + " " + kind + " case " + targetId);
        return linkId;
    }

    @Transactional
    public void unlink(CaseActor actor, long caseId, long linkId) {
        String tenant = visibleCase(actor, caseId);
        record Pair(long caseId, long targetId) {
        }
        Pair pair = jdbc.sql("""
                        select case_id, target_id from case_link
                        where link_id = :id and (case_id = :case or target_id = :case)
                        """)
                .param("id", linkId).param("case", caseId)
                .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2))).optional()
                .orElseThrow(() -> new CaseNotFoundException("Link"));
        jdbc.sql("delete from case_link where link_id = :id").param("id", linkId).update();
        entry(pair.caseId(), tenant, actor, "UNLINKED #" + pair.targetId());
        entry(pair.targetId(), tenant, actor, "UNLINKED #" + pair.caseId());
        audit.record(actor.username(), tenant, "case.unlinked", "case " + pair.caseId() + " and case " + pair.targetId());
    }

    /** The links of a case, both those it made and those made to it. */
    @Transactional(readOnly = true)
    public List<CaseLink> of(CaseActor actor, long caseId) {
        visibleCase(actor, caseId);
        return jdbc.sql("""
                        select l.link_id, l.kind, l.created_by, l.created_at, l.case_id = :case as outgoing,
                               o.case_id as other_id, o.title, o.status
                        from case_link l
                        join case_file o on o.case_id = case when l.case_id = :case then l.target_id else l.case_id end
                        where l.case_id = :case or l.target_id = :case
                        order by l.created_at, l.link_id
                        """)
                .param("case", caseId)
                .query((rs, n) -> {
                    LinkKind kind = LinkKind.valueOf(rs.getString("kind"));
                    CaseLink.Direction direction = kind == LinkKind.RELATED ? CaseLink.Direction.RELATED
                            : rs.getBoolean("outgoing") ? CaseLink.Direction.DUPLICATE_OF : CaseLink.Direction.HAS_DUPLICATE;
                    return new CaseLink(rs.getLong("link_id"), rs.getLong("other_id"), rs.getString("title"),
                            rs.getString("status"), direction, rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    private String visibleCase(CaseActor actor, long caseId) {
        return tenantOf(caseId).filter(actor::mayActOn).orElseThrow(() -> new CaseNotFoundException("Case"));
    }

    private Optional<String> tenantOf(long caseId) {
        return jdbc.sql("select tenant_id from case_file where case_id = :id").param("id", caseId)
                .query(String.class).optional();
    }

    private void entry(long caseId, String tenant, CaseActor actor, String text) {
        jdbc.sql("""
                        insert into case_entry (case_id, tenant_id, actor, kind, text)
                        values (:case, :tenant, :actor, 'LINKED', :text)
                        """)
                .param("case", caseId).param("tenant", tenant).param("actor", actor.username()).param("text", text).update();
        jdbc.sql("update case_file set updated_at = clock_timestamp() where case_id = :id").param("id", caseId).update();
    }
}
