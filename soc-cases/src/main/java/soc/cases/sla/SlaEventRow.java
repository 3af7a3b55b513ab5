package soc.cases.sla;

import java.time.Instant;

import soc.events.Severity;

/** A recorded SLA warning or breach. */
public record SlaEventRow(long slaEventId, String tenantId, String itemKind, String itemId, SlaTarget target,
                          String kind, Severity severity, String title, Instant dueAt, Instant raisedAt) {
    public boolean isBreach() {
        return "BREACH".equals(kind);
    }
}
