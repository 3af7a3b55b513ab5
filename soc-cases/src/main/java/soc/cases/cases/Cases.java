package soc.cases.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.cases.alerts.AlertDetail;
import soc.cases.alerts.AlertStatus;
import soc.cases.alerts.AlertStore;
import soc.events.Severity;
import soc.events.TenantIds;
import soc.tenants.audit.AuditLog;

/**
 * Case management: cases from alerts of one tenant or by hand, the status workflow, assignment, comments and the
 * timeline, every change audited with the case's tenant. Tenant users act only on their own tenant's cases (a
 * service check that answers "not found", and row-level security underneath); which roles may do what is the
 * web application's decision.
 */
@Service
public class Cases {
    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 10_000;
    private static final int LIST_LIMIT = 200;

    private final CaseStore store;
    private final AlertStore alerts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Cases(CaseStore store, AlertStore alerts, AuditLog audit, ApplicationEventPublisher events) {
        this.store = store;
        this.alerts = alerts;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Opens a case for one or more alerts of one tenant; the alerts' status becomes IN_CASE. The title defaults to
     * the first alert's rule, the severity to the highest of the alerts.
     */
    @Transactional
    public CaseFile createFromAlerts(CaseActor actor, Collection<String> alertIds, String title) {
        Set<String> ids = new LinkedHashSet<>(alertIds);
        if (ids.isEmpty()) {
            throw new CaseRuleException("case.error.noAlerts", "Select at least one alert to open a case");
        }
        List<AlertDetail> found = alerts.findAll(ids).stream().filter(a -> actor.mayActOn(a.tenantId())).toList();
        if (found.size() != ids.size()) {
            throw new CaseNotFoundException("Alert");
        }
        Set<String> tenants = new TreeSet<>();
        found.forEach(a -> tenants.add(a.tenantId()));
        if (tenants.size() > 1) {
            throw new CaseRuleException("case.error.mixedTenants",
                    "A case belongs to one tenant: the selected alerts come from " + String.join(", ", tenants)
                            + ". Open one case per tenant.", String.join(", ", tenants));
        }
        for (AlertDetail alert : found) {
            if (alert.status() == AlertStatus.IN_CASE || alert.status() == AlertStatus.CLOSED) {
                throw new CaseRuleException("case.error.alertNotOpen",
                        "Alert " + alert.alertId() + " is already in a case or closed", alert.alertId());
            }
        }
        String tenantId = tenants.iterator().next();
        List<AlertDetail> oldestFirst = found.stream().sorted(Comparator.comparing(AlertDetail::eventTime)).toList();
        String caseTitle = title == null || title.isBlank()
                ? defaultTitle(oldestFirst) : requireTitle(title);
        Severity severity = found.stream().map(AlertDetail::severity).max(Comparator.naturalOrder()).orElseThrow();
        long caseId = store.insert(tenantId, caseTitle, severity);
        Map<String, String> moved = alerts.transition(ids, EnumSet.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED),
                AlertStatus.IN_CASE, null);
        if (moved.size() != ids.size()) {
            // changed concurrently by someone else between the read and the update
            throw new CaseRuleException("case.error.alertNotOpen", "An alert was changed meanwhile: try again", "");
        }
        for (AlertDetail alert : oldestFirst) {
            store.addAlert(caseId, alert.alertId(), tenantId);
            store.addEntry(caseId, tenantId, actor.username(), EntryKind.ALERT_ADDED, alert.alertId());
        }
        audit.record(actor.username(), tenantId, "case.created",
                "case " + caseId + " from alerts " + String.join(", ", ids));
        CaseFile opened = store.find(caseId).orElseThrow();
        events.publishEvent(new CaseEvent.Opened(opened, actor.username()));
        return opened;
    }

    /** Opens a case by hand, without alerts (a phone call, an e-mail from the tenant...). */
    @Transactional
    public CaseFile create(CaseActor actor, String tenantId, String title, Severity severity) {
        if (tenantId == null || !TenantIds.isValid(tenantId) || !actor.mayActOn(tenantId)) {
            throw new CaseRuleException("case.error.tenant", "Choose the tenant the case belongs to");
        }
        if (severity == null) {
            throw new CaseRuleException("case.error.severity", "Choose a severity");
        }
        long caseId = store.insert(tenantId, requireTitle(title), severity);
        store.addEntry(caseId, tenantId, actor.username(), EntryKind.STATUS, CaseStatus.NEW.name());
        audit.record(actor.username(), tenantId, "case.created", "case " + caseId + " by hand");
        CaseFile opened = store.find(caseId).orElseThrow();
        events.publishEvent(new CaseEvent.Opened(opened, actor.username()));
        return opened;
    }

    /**
     * Moves a case forward in the workflow. Closing requires a resolution text and a root cause; closed is final.
     */
    @Transactional
    public CaseFile changeStatus(CaseActor actor, long caseId, CaseStatus next, String resolution, RootCause rootCause) {
        CaseFile current = visibleForUpdate(actor, caseId);
        if (next == null) {
            throw new CaseRuleException("case.error.status", "Choose the new status");
        }
        if (!current.status().canMoveTo(next)) {
            throw new CaseRuleException("case.error.transition",
                    "A case cannot go from " + current.status() + " to " + next, current.status(), next);
        }
        String cleanResolution = resolution == null || resolution.isBlank() ? null : resolution.strip();
        if (next == CaseStatus.CLOSED) {
            if (cleanResolution == null || rootCause == null) {
                throw new CaseRuleException("case.error.closeNeedsResolution",
                        "Closing a case requires a resolution and a root cause");
            }
            requireLength(cleanResolution);
        } else if (cleanResolution != null) {
            requireLength(cleanResolution);
        }
        store.updateStatus(caseId, next, cleanResolution, rootCause);
        store.addEntry(caseId, current.tenantId(), actor.username(), EntryKind.STATUS, next.name());
        audit.record(actor.username(), current.tenantId(), "case.status",
                "case " + caseId + " " + current.status() + " -> " + next
                        + (rootCause == null ? "" : " (root cause " + rootCause + ")"));
        CaseFile changed = store.find(caseId).orElseThrow();
        events.publishEvent(new CaseEvent.StatusChanged(changed, current.status(), actor.username()));
        return changed;
    }

    /** Assigns the case to a user (in the web application: "assign to me"), on the actor's side. */
    @Transactional
    public CaseFile assign(CaseActor actor, long caseId, String assignee) {
        CaseFile current = visibleForUpdate(actor, caseId);
        if (assignee == null || assignee.isBlank()) {
            throw new CaseRuleException("case.error.assignee", "Choose who the case is assigned to");
        }
        if (!current.status().isOpen()) {
            throw new CaseRuleException("case.error.closed", "The case is closed");
        }
        store.assign(caseId, assignee, actor.side());
        store.addEntry(caseId, current.tenantId(), actor.username(), EntryKind.ASSIGNED, assignee);
        audit.record(actor.username(), current.tenantId(), "case.assigned", "case " + caseId + " to " + assignee);
        return store.find(caseId).orElseThrow();
    }

    /** Changes the severity of an open case (raising it to HIGH or CRITICAL notifies the tenant's escalation contacts). */
    @Transactional
    public CaseFile changeSeverity(CaseActor actor, long caseId, Severity severity) {
        CaseFile current = visibleForUpdate(actor, caseId);
        if (severity == null) {
            throw new CaseRuleException("case.error.severity", "Choose a severity");
        }
        if (!current.status().isOpen()) {
            throw new CaseRuleException("case.error.closed", "The case is closed");
        }
        if (severity == current.severity()) {
            return current;
        }
        store.updateSeverity(caseId, severity);
        store.addEntry(caseId, current.tenantId(), actor.username(), EntryKind.SEVERITY, severity.name());
        audit.record(actor.username(), current.tenantId(), "case.severity",
                "case " + caseId + " " + current.severity() + " -> " + severity);
        CaseFile changed = store.find(caseId).orElseThrow();
        events.publishEvent(new CaseEvent.SeverityChanged(changed, current.severity(), actor.username()));
        return changed;
    }

    /** Adds a comment (Markdown source, stored exactly as typed; the web application renders it safely). */
    @Transactional
    public void comment(CaseActor actor, long caseId, String text) {
        CaseFile current = visibleForUpdate(actor, caseId);
        if (text == null || text.isBlank()) {
            throw new CaseRuleException("case.error.emptyComment", "Write a comment first");
        }
        requireLength(text);
        store.addEntry(caseId, current.tenantId(), actor.username(), EntryKind.COMMENT, text.strip());
        audit.record(actor.username(), current.tenantId(), "case.commented", "case " + caseId);
    }

    /** The case with its alerts and timeline: stored entries plus each alert's event and detection times. */
    @Transactional(readOnly = true)
    public CaseView view(CaseActor actor, long caseId) {
        CaseFile file = store.find(caseId).filter(c -> actor.mayActOn(c.tenantId()))
                .orElseThrow(() -> new CaseNotFoundException("Case"));
        List<AlertDetail> caseAlerts = alerts.findAll(store.alertIds(caseId));
        List<TimelineItem> timeline = new ArrayList<>(store.entries(caseId));
        for (AlertDetail alert : caseAlerts) {
            timeline.add(new TimelineItem(alert.eventTime(), null, EntryKind.ALERT_EVENT, alert.ruleTitle(), alert.alertId()));
            timeline.add(new TimelineItem(alert.detectedAt(), null, EntryKind.ALERT_DETECTED, alert.ruleTitle(), alert.alertId()));
        }
        timeline.sort(Comparator.comparing(TimelineItem::at));
        return new CaseView(file, caseAlerts, List.copyOf(timeline));
    }

    /** Cases the actor may see, most recently updated first; tenant users always get only their own tenant's. */
    @Transactional(readOnly = true)
    public List<CaseFile> list(CaseActor actor, String tenantFilter, boolean openOnly) {
        String filter = actor.tenantId() != null ? actor.tenantId()
                : tenantFilter == null || !TenantIds.isValid(tenantFilter) ? null : tenantFilter;
        return store.list(filter, openOnly, LIST_LIMIT);
    }

    private CaseFile visibleForUpdate(CaseActor actor, long caseId) {
        return store.findForUpdate(caseId).filter(c -> actor.mayActOn(c.tenantId()))
                .orElseThrow(() -> new CaseNotFoundException("Case"));
    }

    private static String defaultTitle(List<AlertDetail> alerts) {
        String first = alerts.get(0).ruleTitle();
        String title = alerts.size() == 1 ? first : first + " (+" + (alerts.size() - 1) + ")";
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new CaseRuleException("case.error.title", "Give the case a title");
        }
        if (title.strip().length() > MAX_TITLE) {
            throw new CaseRuleException("case.error.titleLength", "The title is longer than " + MAX_TITLE
                    + " characters", MAX_TITLE);
        }
        return title.strip();
    }

    private static void requireLength(String text) {
        if (text.length() > MAX_TEXT) {
            throw new CaseRuleException("case.error.textLength", "The text is longer than " + MAX_TEXT
                    + " characters", MAX_TEXT);
        }
    }
}
