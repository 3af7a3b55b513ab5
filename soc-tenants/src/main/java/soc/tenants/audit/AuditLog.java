package soc.tenants.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail of every change and login. Joins the caller's transaction so the record and the change commit together. */
@Service
public class AuditLog {
    private final AuditEntryRepository entries;

    AuditLog(AuditEntryRepository entries) {
        this.entries = entries;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String tenantId, String action, String detail) {
        entries.save(new AuditEntry(actor, tenantId, action, detail));
    }

    /** The latest entries visible to the caller's tenant scope. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest() {
        return entries.findTop100ByOrderByAtDesc();
    }
}
