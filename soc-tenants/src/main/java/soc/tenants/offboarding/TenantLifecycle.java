package soc.tenants.offboarding;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;
import soc.tenants.onboarding.ChecklistItem;
import soc.tenants.onboarding.Onboarding;
import soc.tenants.sources.IngestToken;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;
import soc.tenants.tenants.TenantStatus;

/** Tenant status changes along {@link StatusTransitions}, audited. Offboarding revokes every ingest token. */
@Service
public class TenantLifecycle {
    private final JdbcTemplate jdbc;
    private final TenantService tenants;
    private final Onboarding onboarding;
    private final SourceService sources;
    private final IngestTokens tokens;
    private final AuditLog audit;

    TenantLifecycle(JdbcTemplate jdbc, TenantService tenants, Onboarding onboarding, SourceService sources,
                    IngestTokens tokens, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.onboarding = onboarding;
        this.sources = sources;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** @throws IllegalArgumentException with the reason when the change is not allowed */
    @Transactional
    public TenantStatus changeStatus(String actor, String tenantId, TenantStatus next, String reason) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantId));
        TenantStatus current = tenant.getStatus();
        boolean goLive = onboarding.journey(tenantId, tenant.getCreatedAt()).items().stream()
                .anyMatch(item -> item.getCode().equals(ChecklistItem.GO_LIVE.name()) && item.isDone());
        String refusal = StatusTransitions.refusal(current, next, goLive);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        jdbc.update("update tenant set status = ? where tenant_id = ?", next.name(), tenantId);
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        audit.record(actor, tenantId, "tenant.status", current + " -> " + next + why);
        if (next == TenantStatus.OFFBOARDED) {
            revokeIngestTokens(actor, tenantId);
        }
        return next;
    }

    /** Revokes every active ingest token of the tenant; returns how many. */
    @Transactional
    public int revokeIngestTokens(String actor, String tenantId) {
        int revoked = 0;
        for (Source source : sources.forTenant(tenantId)) {
            for (IngestToken token : tokens.ofSource(source.getId())) {
                if (token.isActive()) {
                    UUID id = token.getId();
                    tokens.revoke(actor, id);
                    revoked++;
                }
            }
        }
        return revoked;
    }
}
