package soc.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A detection. Carries the rule's author because Sigma rules are shared under DRL 1.1, which requires
 * attribution wherever a rule's output is shown.
 *
 * @param alertId      deterministic id (same rule and events give the same id, so a replay never duplicates)
 * @param tenantId     owning tenant
 * @param ruleId       id of the rule that matched
 * @param ruleTitle    title of the rule
 * @param ruleAuthor   author of the rule (DRL 1.1 attribution)
 * @param severity     severity
 * @param techniques   MITRE ATT&amp;CK technique ids, e.g. {@code T1110.003}
 * @param eventIds     ids of the matched events (their OpenSearch document ids)
 * @param keyFields    the fields an analyst needs first (host, user, addresses...)
 * @param fingerprint  groups repeats of the same rule on the same entity for deduplication
 * @param eventTime    time of the (first) matched event
 * @param detectedAt   when the detection service raised it
 */
public record Alert(String alertId, String tenantId, String ruleId, String ruleTitle, String ruleAuthor,
                    Severity severity, List<String> techniques, List<String> eventIds,
                    Map<String, String> keyFields, String fingerprint, Instant eventTime, Instant detectedAt) {
    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        TenantIds.requireValid(tenantId);
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        keyFields = keyFields == null ? Map.of() : Map.copyOf(keyFields);
    }
}
