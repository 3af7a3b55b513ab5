package soc.tenants.offboarding;

import java.time.Instant;
import java.util.UUID;

/** An export of a tenant's data that was taken (downloaded in full). */
public record TenantExport(UUID id, String tenantId, String takenBy, Instant takenAt, long bytes, String sha256,
                           int tables, long rows, long documents) {
}
