package soc.tenants.sources;

import java.time.Instant;
import java.util.UUID;

/** A network registered for a source: lines from a sender inside it belong to that source. */
public record SourceAddress(UUID sourceId, String tenantId, String cidr, Instant createdAt, String createdBy) {
}
