package soc.tenants.tenants;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.TenantIds;
import soc.tenants.audit.AuditLog;
import soc.tenants.onboarding.Onboarding;

/** Registers and lists tenants. Row-level security limits what each caller's scope can see. */
@Service
public class TenantService {
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final Onboarding onboarding;

    TenantService(TenantRepository tenants, AuditLog audit, Onboarding onboarding) {
        this.tenants = tenants;
        this.audit = audit;
        this.onboarding = onboarding;
    }

    @Transactional
    public Tenant register(String actor, String id, String name, TenantKind kind, String region) {
        return register(actor, new TenantProfile(id, name, kind, region, null, null, null, null, null, null, null));
    }

    /** Registers a tenant in status ONBOARDING with the standard onboarding checklist. */
    @Transactional
    public Tenant register(String actor, TenantProfile profile) {
        if (!TenantIds.isValid(profile.id())) {
            throw new IllegalArgumentException("Tenant id '" + profile.id()
                    + "' is not valid: use 2-40 lowercase letters, digits or '-'");
        }
        if (profile.name() == null || profile.name().isBlank()) {
            throw new IllegalArgumentException("A tenant needs a name");
        }
        if (tenants.existsById(profile.id())) {
            throw new IllegalArgumentException("Tenant '" + profile.id() + "' already exists");
        }
        Tenant tenant = tenants.save(new Tenant(profile));
        onboarding.startFor(tenant.getId());
        audit.record(actor, tenant.getId(), "tenant.registered", tenant.getName());
        return tenant;
    }

    @Transactional
    public void changeStatus(String actor, String id, TenantStatus status) {
        Tenant tenant = tenants.findById(id).orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + id));
        TenantStatus before = tenant.getStatus();
        tenant.setStatus(status);
        tenants.save(tenant);
        audit.record(actor, id, "tenant.status", before + " -> " + status);
    }

    @Transactional(readOnly = true)
    public List<Tenant> list() {
        return tenants.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> find(String id) {
        return tenants.findById(id);
    }
}
