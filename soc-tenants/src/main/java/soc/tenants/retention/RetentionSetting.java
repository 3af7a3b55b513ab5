package soc.tenants.retention;

/**
 * A tenant's retention of its time-based OpenSearch indices.
 *
 * @param tenantId   the tenant
 * @param configured days set for this tenant, or null for the platform default
 * @param days       days in force: {@code configured}, or the platform default
 */
public record RetentionSetting(String tenantId, Integer configured, int days) {

    public boolean platformDefault() {
        return configured == null;
    }
}
