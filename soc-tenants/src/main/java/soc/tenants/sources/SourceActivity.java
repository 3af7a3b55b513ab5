package soc.tenants.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import soc.tenants.audit.AuditLog;
import soc.tenants.onboarding.ChecklistItem;
import soc.tenants.onboarding.Onboarding;
import soc.tenants.scope.TenantScope;

/**
 * Records that a source sent events: its last-seen time (written at most every 30 s per source, so the ingest
 * path costs no database write per request) and, on its very first event, "connected" in the audit log and the
 * onboarding checklist.
 */
@Service
public class SourceActivity {
    static final Duration WRITE_INTERVAL = Duration.ofSeconds(30);

    private final SourceRepository sources;
    private final Onboarding onboarding;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Map<UUID, Instant> lastWritten = new ConcurrentHashMap<>();

    SourceActivity(SourceRepository sources, Onboarding onboarding, AuditLog audit,
                   PlatformTransactionManager transactionManager) {
        this.sources = sources;
        this.onboarding = onboarding;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public void seen(UUID sourceId, Instant at) {
        Instant previous = lastWritten.get(sourceId);
        if (previous != null && previous.plus(WRITE_INTERVAL).isAfter(at)) {
            return;
        }
        lastWritten.put(sourceId, at);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> transactions.executeWithoutResult(status ->
                sources.findById(sourceId).ifPresent(source -> {
                    boolean first = source.seenAt(at);
                    sources.save(source);
                    if (first) {
                        audit.record("ingest", source.getTenantId(), "source.connected", source.getName());
                        onboarding.observed(source.getTenantId(), ChecklistItem.FIRST_EVENT, "ingest");
                    }
                })));
    }
}
