package soc.cases.sla;

import java.time.Instant;

import soc.events.Severity;

/**
 * Published (a Spring application event, after the record was committed) when the SLA monitor records a warning or
 * a breach: once per item, target and kind. Notifications may e-mail or post it.
 *
 * @param itemKind CASE or ALERT
 * @param itemId   the case id (as text) or the alert id
 * @param kind     WARNING (most of the time is gone) or BREACH (the deadline passed)
 */
public record SlaWarningRaised(long slaEventId, String tenantId, String itemKind, String itemId, SlaTarget target,
                               String kind, Severity severity, String title, Instant dueAt, Instant raisedAt) {
    public boolean isBreach() {
        return "BREACH".equals(kind);
    }
}
