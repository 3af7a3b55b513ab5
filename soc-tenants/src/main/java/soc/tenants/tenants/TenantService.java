package soc.tenants.tenants;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;

/** Registers and lists tenants. Row-level security limits what each caller's scope can see. */
@Service
public class TenantService {
    private final TenantRepository tenants;
    private final AuditLog audit;

    TenantService(TenantRepository tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional
    public Tenant register(String actor, String id, String name, TenantKind kind, String region) {
        if (tenants.existsById(id)) {
            throw new IllegalArgumentException("Tenant '" + id + "' already exists");
        }
        Tenant tenant = tenants.save(new Tenant(id, name, kind, region));
        audit.record(actor, id, "tenant.registered", name);
        return tenant;
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
