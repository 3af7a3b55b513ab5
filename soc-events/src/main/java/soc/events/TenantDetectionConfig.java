package soc.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant's detection settings as soc-detect applies them, published whole by the web application to
 * {@link Topics#DETECT_CONFIG} (compacted, keyed by tenant id) after every change: the latest message of a tenant is
 * its complete configuration.
 *
 * @param tenantId      the tenant
 * @param disabledRules ids of catalog rules switched off for this tenant
 * @param exceptions    matches to suppress
 * @param customRules   the tenant's own Sigma rules (enabled ones only), run for this tenant only
 * @param updatedAt     when the configuration was produced
 */
public record TenantDetectionConfig(String tenantId, Set<String> disabledRules, List<RuleException> exceptions,
                                    List<CustomRule> customRules, Instant updatedAt) {
    public TenantDetectionConfig {
        TenantIds.requireValid(tenantId);
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(disabledRules);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        customRules = customRules == null ? List.of() : List.copyOf(customRules);
    }

    /** An empty configuration: every rule on, no exceptions, no custom rules. */
    public static TenantDetectionConfig empty(String tenantId) {
        return new TenantDetectionConfig(tenantId, Set.of(), List.of(), List.of(), Instant.EPOCH);
    }

    /** How an exception compares the event's field with its value (both case-insensitively). */
    public enum Operator { EQUALS, CONTAINS }

    /**
     * Suppresses a rule's match on an event whose {@code field} equals or contains {@code value}, until
     * {@code expiresAt} (null: no expiry).
     */
    public record RuleException(String exceptionId, String ruleId, String field, Operator operator, String value,
                                Instant expiresAt) {
        /** Whether this exception applies to the rule's match on an event with this field value, at {@code now}. */
        public boolean suppresses(String matchedRuleId, String fieldValue, Instant now) {
            if (!ruleId.equals(matchedRuleId) || fieldValue == null || value == null
                    || (expiresAt != null && !now.isBefore(expiresAt))) {
                return false;
            }
            String actual = fieldValue.toLowerCase(Locale.ROOT);
            String expected = value.toLowerCase(Locale.ROOT);
            return operator == Operator.CONTAINS ? actual.contains(expected) : actual.equals(expected);
        }
    }

    /** A tenant's own Sigma rule: its id (as its alerts carry it) and YAML text. */
    public record CustomRule(String ruleId, String yaml) {
    }
}
