package soc.cases.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;

/**
 * Triage of alerts: acknowledge, assign, close with a reason. Works on one or many alerts at once; alerts the
 * caller's tenant scope cannot see are never touched (row-level security), and every change is audited with
 * the alert's tenant.
 */
@Service
public class AlertTriage {
    private static final Set<AlertStatus> OPEN = EnumSet.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED);

    private final AlertStore store;
    private final AuditLog audit;

    AlertTriage(AlertStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<AlertDetail> find(String alertId) {
        return store.find(alertId);
    }

    /** Earlier alerts of the same tenant with the same fingerprint, newest first. */
    @Transactional(readOnly = true)
    public List<AlertRow> earlierRepeats(AlertDetail alert) {
        return store.earlierWithFingerprint(alert, 20);
    }

    @Transactional
    public TriageResult acknowledge(String actor, Collection<String> alertIds) {
        Map<String, String> changed = store.transition(distinct(alertIds), EnumSet.of(AlertStatus.NEW),
                AlertStatus.ACKNOWLEDGED, null);
        changed.forEach((alertId, tenantId) -> audit.record(actor, tenantId, "alert.acknowledged", alertId));
        return result(alertIds, changed);
    }

    @Transactional
    public TriageResult assign(String actor, Collection<String> alertIds, String assignee) {
        Map<String, String> changed = store.assign(distinct(alertIds), assignee);
        changed.forEach((alertId, tenantId) -> audit.record(actor, tenantId, "alert.assigned",
                alertId + " to " + assignee));
        return result(alertIds, changed);
    }

    @Transactional
    public TriageResult close(String actor, Collection<String> alertIds, AlertCloseReason reason) {
        if (reason == null) {
            throw new IllegalArgumentException("A reason is required to close an alert");
        }
        Map<String, String> changed = store.transition(distinct(alertIds), OPEN, AlertStatus.CLOSED, reason);
        changed.forEach((alertId, tenantId) -> audit.record(actor, tenantId, "alert.closed",
                alertId + " as " + reason));
        return result(alertIds, changed);
    }

    private static Set<String> distinct(Collection<String> alertIds) {
        return new LinkedHashSet<>(alertIds);
    }

    private static TriageResult result(Collection<String> requested, Map<String, String> changed) {
        List<String> skipped = new ArrayList<>();
        for (String id : distinct(requested)) {
            if (!changed.containsKey(id)) {
                skipped.add(id);
            }
        }
        return new TriageResult(List.copyOf(changed.keySet()), skipped);
    }
}
