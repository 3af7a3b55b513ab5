package soc.tenants.discovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;
import soc.tenants.sources.SourceService;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;

/**
 * A tenant's roadmap of recommended improvements: computed by {@link RoadmapRules} from what is known now
 * (kind, latest discovery answers, registered sources and whether they have sent events), with the status
 * officers gave each item. Because it is computed on every read, a source connecting ticks its item at once,
 * whichever service saw the event.
 */
@Service
public class Roadmap {
    private final JdbcTemplate jdbc;
    private final TenantService tenants;
    private final SourceService sources;
    private final Discovery discovery;
    private final AuditLog audit;

    Roadmap(JdbcTemplate jdbc, TenantService tenants, SourceService sources, Discovery discovery, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.sources = sources;
        this.discovery = discovery;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Recommendation> of(String tenantId) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantId));
        List<SourceFact> facts = sources.forTenant(tenantId).stream()
                .map(s -> new SourceFact(s.getType(), s.getName(), s.getLastEventAt() != null)).toList();
        DiscoveryAnswers answers = discovery.latest(tenantId).map(DiscoveryResponse::answers).orElse(null);
        boolean escalation = tenant.getEscalationContact() != null && !tenant.getEscalationContact().isBlank();
        return RoadmapRules.evaluate(tenant.getKind(), tenant.getServiceModel(), escalation, answers, facts,
                statuses(tenantId));
    }

    /** Sets the status of a recommendation currently on the tenant's roadmap. */
    @Transactional
    public void setStatus(String actor, String tenantId, String code, RoadmapStatus status) {
        Recommendation item = of(tenantId).stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No recommendation " + code + " on the roadmap of " + tenantId));
        jdbc.update("""
                insert into roadmap_item (tenant_id, code, status, updated_by) values (?, ?, ?, ?)
                on conflict (tenant_id, code) do update set status = excluded.status, updated_by = excluded.updated_by,
                    updated_at = now()""", tenantId, code, status.name(), actor);
        audit.record(actor, tenantId, "roadmap.status", code + ": " + item.status() + " -> " + status);
    }

    private Map<String, RoadmapStatus> statuses(String tenantId) {
        Map<String, RoadmapStatus> statuses = new HashMap<>();
        jdbc.query("select code, status from roadmap_item where tenant_id = ?",
                rs -> {
                    statuses.put(rs.getString("code"), RoadmapStatus.valueOf(rs.getString("status")));
                }, tenantId);
        return statuses;
    }
}
