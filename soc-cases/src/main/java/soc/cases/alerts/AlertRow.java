package soc.cases.alerts;

import java.time.Instant;
import java.util.List;

import soc.events.Severity;

/** One line of the analyst alert queue. */
public record AlertRow(String alertId, String tenantId, String ruleId, String ruleTitle, String ruleAuthor,
                       Severity severity, List<String> techniques, String keyFieldsJson, AlertStatus status,
                       Instant eventTime, Instant receivedAt) {
}
