package soc.tenants.detection;

import java.time.Instant;
import java.util.UUID;

import soc.events.TenantDetectionConfig.Operator;

/** A tenant's exception to a rule: matches whose {@code field} equals or contains {@code value} are suppressed. */
public record RuleExceptionView(UUID id, String tenantId, String ruleId, String field, Operator operator, String value,
                                String reason, Instant expiresAt, String createdBy, Instant createdAt) {
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
