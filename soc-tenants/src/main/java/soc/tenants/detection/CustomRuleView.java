package soc.tenants.detection;

import java.time.Instant;
import java.util.UUID;

/** A tenant's own Sigma rule. {@code ruleId} is what its alerts carry (the YAML's id, or one given at creation). */
public record CustomRuleView(UUID id, String tenantId, String ruleId, String title, String level, String yaml,
                             boolean enabled, String createdBy, Instant createdAt, String updatedBy,
                             Instant updatedAt) {
}
