package soc.events;

/**
 * Keys of the raw topic ({@link Topics#RAW}): {@code <tenant>/<source>}. Keying by tenant and source spreads a
 * large tenant's sources over the partitions while each source's lines stay in order (one key, one partition).
 * Tenant ids cannot contain {@code '/'}, so the tenant is everything before the first one.
 */
public final class RawKeys {
    public static final char SEPARATOR = '/';

    private RawKeys() {
    }

    /** The key of a line from the given source of the given tenant. */
    public static String of(String tenantId, String sourceId) {
        return TenantIds.requireValid(tenantId) + SEPARATOR + (sourceId == null ? "" : sourceId);
    }

    /** The tenant a raw key names, or null when the key names none (null, or not a valid tenant id). */
    public static String tenantOf(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.indexOf(SEPARATOR);
        String tenant = slash < 0 ? key : key.substring(0, slash);
        return TenantIds.isValid(tenant) ? tenant : null;
    }
}
