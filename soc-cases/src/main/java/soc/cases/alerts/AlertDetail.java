package soc.cases.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import soc.events.Severity;

/** Everything stored about one alert, for its detail page and for cases. */
public record AlertDetail(String alertId, String tenantId, String ruleId, String ruleTitle, String ruleAuthor,
                          Severity severity, List<String> techniques, List<String> eventIds,
                          Map<String, String> keyFields, String fingerprint, AlertStatus status, String assignee,
                          AlertCloseReason closeReason, Instant eventTime, Instant detectedAt, Instant receivedAt) {
}
