package soc.cases.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import soc.cases.cases.CaseEvent;
import soc.cases.cases.CaseFile;
import soc.cases.sla.SlaWarningRaised;
import soc.events.EventJson;
import soc.events.Severity;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;

/**
 * Writes notifications into the outbox, in the transaction of the change that caused them, so nothing is lost when
 * SMTP or a tenant's webhook is down: {@link NotificationSender} delivers and retries.
 * <ul>
 *     <li>E-mail to the tenant's escalation contacts (profile security lead e-mail, a 24/7 escalation contact that is
 *     an e-mail address, and the extra escalation mailboxes of the notification settings) when a case is opened as
 *     HIGH or CRITICAL, raised to HIGH or CRITICAL, or its SLA is about to be or has been breached.</li>
 *     <li>A signed JSON webhook, when the tenant configured one, for every case event above plus every status change
 *     and every case opened, whatever its severity.</li>
 * </ul>
 */
@Service
public class NotificationOutbox {
    public static final String CASE_OPENED = "case.opened";
    public static final String CASE_SEVERITY_CHANGED = "case.severity_changed";
    public static final String CASE_STATUS_CHANGED = "case.status_changed";
    public static final String SLA_WARNING = "sla.warning";
    public static final String SLA_BREACHED = "sla.breached";
    public static final String WEBHOOK_TEST = "webhook.test";

    private final NotificationStore store;
    private final TenantService tenants;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;

    NotificationOutbox(NotificationStore store, TenantService tenants, NotificationProperties properties,
                       PlatformTransactionManager transactions) {
        this.store = store;
        this.tenants = tenants;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    public void caseOpened(CaseEvent.Opened event) {
        CaseFile file = event.file();
        Summary summary = Summary.of(file);
        if (file.severity().compareTo(Severity.HIGH) >= 0) {
            email(summary, CASE_OPENED, "[SOC] " + file.severity() + " case #" + file.caseId() + " opened: " + file.title(),
                    "A " + file.severity() + " case was opened for your organisation by the SOC.");
        }
        webhook(summary, CASE_OPENED, null);
    }

    @EventListener
    public void severityChanged(CaseEvent.SeverityChanged event) {
        CaseFile file = event.file();
        Summary summary = Summary.of(file);
        if (event.raisedToHighOrAbove()) {
            email(summary, CASE_SEVERITY_CHANGED, "[SOC] Case #" + file.caseId() + " raised to " + file.severity()
                    + ": " + file.title(), "The severity of a case of your organisation was raised from "
                    + event.previous() + " to " + file.severity() + " by " + event.actor() + ".");
        }
        webhook(summary, CASE_SEVERITY_CHANGED, Map.of("previousSeverity", event.previous().name()));
    }

    @EventListener
    public void statusChanged(CaseEvent.StatusChanged event) {
        webhook(Summary.of(event.file()), CASE_STATUS_CHANGED, Map.of("previousStatus", event.previous().name()));
    }

    /**
     * The SLA monitor (soc.cases.sla) announces each warning and breach once, after its commit: cases get e-mail and
     * webhook for warnings and breaches, alerts still waiting for acknowledgement e-mail on breach only (webhook always).
     */
    @EventListener
    public void slaEvent(SlaWarningRaised raised) {
        String scope = TenantScope.current() == null ? TenantScope.ALL_TENANTS : TenantScope.current();
        TenantScope.run(scope, () -> transaction.executeWithoutResult(status -> {
            String event = raised.isBreach() ? SLA_BREACHED : SLA_WARNING;
            String what = raised.target() == null ? null : raised.target().name().toLowerCase(java.util.Locale.ROOT);
            String verb = raised.isBreach() ? "was breached" : "will be breached";
            if ("CASE".equals(raised.itemKind())) {
                sla(Long.parseLong(raised.itemId()), event, what, raised.dueAt(), verb);
            } else {
                alertSla(raised, event, what, verb);
            }
        }));
    }

    /**
     * An SLA of a case is about to be breached. For the SLA monitor: call it in the transaction that records the warning,
     * under a tenant scope that sees the case (system components use {@link TenantScope#ALL_TENANTS}).
     *
     * @param what  which SLA, e.g. "acknowledge" or "resolve"
     * @param dueAt when it is breached
     */
    @Transactional
    public void slaWarning(long caseId, String what, Instant dueAt) {
        sla(caseId, SLA_WARNING, what, dueAt, "will be breached");
    }

    /** An SLA of a case was breached; see {@link #slaWarning(long, String, Instant)}. */
    @Transactional
    public void slaBreached(long caseId, String what, Instant dueAt) {
        sla(caseId, SLA_BREACHED, what, dueAt, "was breached");
    }

    /** Queues a test delivery to the tenant's webhook, so an admin can check the receiving side. */
    @Transactional
    public boolean webhookTest(String tenantId) {
        return webhook(new Summary(tenantId, null, null, null, null), WEBHOOK_TEST, Map.of("test", true));
    }

    /** The messages of a case, oldest first. */
    @Transactional(readOnly = true)
    public List<Notification> forCase(long caseId) {
        return store.forCase(caseId);
    }

    /** The latest messages of a tenant, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> recent(String tenantId, int limit) {
        return store.recent(tenantId, Math.max(1, Math.min(limit, 500)));
    }

    private void sla(long caseId, String event, String what, Instant dueAt, String verb) {
        NotificationStore.CaseSummary found = store.caseSummary(caseId)
                .orElseThrow(() -> new IllegalArgumentException("No case " + caseId + " in scope " + TenantScope.current()));
        Summary summary = new Summary(found.tenantId(), found.caseId(), found.title(), found.severity(), found.status());
        String label = what == null || what.isBlank() ? "resolve" : what;
        String due = dueAt == null ? "" : " (due " + dueAt.truncatedTo(ChronoUnit.SECONDS) + ")";
        email(summary, event, "[SOC] SLA to " + label + " " + verb + " for case #" + caseId + ": " + found.title(),
                "The SLA to " + label + " a " + found.severity() + " case of your organisation " + verb + due + ".");
        Map<String, Object> sla = new LinkedHashMap<>();
        sla.put("sla", label);
        sla.put("dueAt", dueAt == null ? null : dueAt.toString());
        webhook(summary, event, sla);
    }

    private void alertSla(SlaWarningRaised raised, String event, String what, String verb) {
        Summary summary = new Summary(raised.tenantId(), null, raised.title(),
                raised.severity() == null ? null : raised.severity().name(), "NEW");
        String due = raised.dueAt() == null ? "" : " (due " + raised.dueAt().truncatedTo(ChronoUnit.SECONDS) + ")";
        if (raised.isBreach()) {
            email(summary, event, "[SOC] SLA to " + what + " " + verb + " for alert: " + raised.title(),
                    "The SLA to " + what + " a " + summary.severity() + " alert of your organisation " + verb + due
                            + ". Alert id: " + raised.itemId() + ".");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("sla", what);
        extra.put("dueAt", raised.dueAt() == null ? null : raised.dueAt().toString());
        extra.put("alert", Map.of("id", raised.itemId(), "title", raised.title()));
        webhook(summary, event, extra);
    }

    private void email(Summary summary, String event, String subject, String lead) {
        Tenant tenant = tenants.find(summary.tenantId()).orElse(null);
        List<String> candidates = new ArrayList<>();
        if (tenant != null) {
            candidates.add(tenant.getSecurityLeadEmail());
            candidates.add(tenant.getEscalationContact());
        }
        store.setting(summary.tenantId()).ifPresent(s -> candidates.addAll(EmailAddresses.split(s.escalationEmails())));
        List<String> recipients = EmailAddresses.distinctValid(candidates.stream().filter(c -> c != null).toList());
        String body = lead + "\n\n"
                + "Organisation: " + (tenant == null ? summary.tenantId() : tenant.getName()) + "\n"
                + (summary.caseId() == null ? "Alert:        " : "Case:         #" + summary.caseId() + " ")
                + summary.title() + "\n"
                + "Severity:     " + summary.severity() + "\n"
                + (summary.caseId() == null ? "" : "Status:       " + summary.status() + "\n")
                + "Open it:      " + caseUrl(summary.caseId()) + "\n\n"
                + "You receive this as an escalation contact of your organisation. Reply to your SOC, not to this address.\n";
        if (recipients.isEmpty()) {
            store.enqueue(summary.tenantId(), summary.caseId(), event, NotificationChannel.EMAIL, "-", subject, body,
                    NotificationStatus.NOT_CONFIGURED,
                    "not sent: the tenant has no escalation e-mail address (profile or notification settings)");
            return;
        }
        for (String recipient : recipients) {
            store.enqueue(summary.tenantId(), summary.caseId(), event, NotificationChannel.EMAIL, recipient, subject, body,
                    NotificationStatus.PENDING, null);
        }
    }

    private boolean webhook(Summary summary, String event, Map<String, ?> extra) {
        NotificationStore.StoredSetting setting = store.setting(summary.tenantId()).orElse(null);
        if (setting == null || setting.webhookUrl() == null) {
            return false;
        }
        String body = webhookBody(UUID.randomUUID().toString(), event, summary, Instant.now(), extra);
        boolean ready = setting.webhookSecret() != null;
        store.enqueue(summary.tenantId(), summary.caseId(), event, NotificationChannel.WEBHOOK, setting.webhookUrl(),
                event, body, ready ? NotificationStatus.PENDING : NotificationStatus.NOT_CONFIGURED,
                ready ? null : "not sent: the webhook has no signing secret yet");
        return ready;
    }

    /** The JSON body of a webhook: {@code {id, event, tenant, case{id,title,severity,status,url}, at, ...extra}}. */
    String webhookBody(String id, String event, Summary summary, Instant at, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("event", event);
        body.put("tenant", summary.tenantId());
        if (summary.caseId() != null) {
            Map<String, Object> caseJson = new LinkedHashMap<>();
            caseJson.put("id", summary.caseId());
            caseJson.put("title", summary.title());
            caseJson.put("severity", summary.severity());
            caseJson.put("status", summary.status());
            caseJson.put("url", caseUrl(summary.caseId()));
            body.put("case", caseJson);
        }
        body.put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
        if (extra != null) {
            extra.forEach(body::putIfAbsent);
        }
        return EventJson.write(body);
    }

    private String caseUrl(Long caseId) {
        return caseId == null ? properties.baseUrl() : properties.baseUrl() + "/cases/" + caseId;
    }

    /** What a notification says about a case. */
    record Summary(String tenantId, Long caseId, String title, String severity, String status) {
        static Summary of(CaseFile file) {
            return new Summary(file.tenantId(), file.caseId(), file.title(), file.severity().name(), file.status().name());
        }
    }
}
