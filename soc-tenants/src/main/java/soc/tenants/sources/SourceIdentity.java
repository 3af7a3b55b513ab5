package soc.tenants.sources;

import java.util.UUID;

/** What an ingest token proves: which tenant's source is sending, and the format it declared. */
public record SourceIdentity(String tenantId, UUID sourceId, String format) {
}
