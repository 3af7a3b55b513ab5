package soc.tenants.sources;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;

/** The data source inventory of each tenant. */
@Service
public class SourceService {
    private final SourceRepository sources;
    private final AuditLog audit;

    SourceService(SourceRepository sources, AuditLog audit) {
        this.sources = sources;
        this.audit = audit;
    }

    @Transactional
    public Source register(String actor, String tenantId, String name, SourceType type, String format,
                           IngestMethod method) {
        return register(actor, tenantId, new SourceSpec(name, type, format, method, null, null, null));
    }

    @Transactional
    public Source register(String actor, String tenantId, SourceSpec spec) {
        if (spec.name() == null || spec.name().isBlank() || spec.type() == null || spec.ingestMethod() == null) {
            throw new IllegalArgumentException("A source needs a name, a type and an ingest method");
        }
        Source source = sources.save(new Source(tenantId, spec));
        audit.record(actor, tenantId, "source.registered", spec.name() + " (" + spec.type() + ")");
        return source;
    }

    @Transactional(readOnly = true)
    public List<Source> forTenant(String tenantId) {
        return sources.findByTenantIdOrderByNameAsc(tenantId);
    }

    /** Sources that sent events once but none within their silence threshold, as of now. */
    @Transactional(readOnly = true)
    public List<Source> silentAt(java.time.Instant now) {
        return sources.findByLastEventAtNotNull().stream()
                .filter(source -> source.healthAt(now) == SourceHealth.SILENT).toList();
    }

    @Transactional(readOnly = true)
    public Source get(UUID sourceId) {
        return sources.findById(sourceId).orElseThrow(() -> new IllegalArgumentException("Unknown source " + sourceId));
    }
}
