package soc.cases.alerts;

import java.time.Instant;
import java.util.List;

import soc.events.Severity;

/**
 * One line of the analyst alert queue.
 *
 * @param ackDueAt  the acknowledgement deadline from the tenant's SLA (null: none)
 * @param triagedAt when it was first acknowledged, assigned, closed or put in a case (null: still waiting)
 */
public record AlertRow(String alertId, String tenantId, String ruleId, String ruleTitle, String ruleAuthor,
                       Severity severity, List<String> techniques, String keyFieldsJson, AlertStatus status,
                       Instant eventTime, Instant receivedAt, Instant ackDueAt, Instant triagedAt) {
}
