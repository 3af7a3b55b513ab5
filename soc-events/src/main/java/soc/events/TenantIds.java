package soc.events;

/**
 * Tenant ids are short lowercase slugs (e.g. {@code cardiff-council}). They appear in Kafka keys, OpenSearch
 * index names and PostgreSQL rows, so the alphabet is restricted to what is valid in all three.
 */
public final class TenantIds {
    private TenantIds() {
    }

    /** {@code [a-z0-9][a-z0-9-]{1,39}}, checked without a regex: it runs for every event and every alert. */
    public static boolean isValid(String tenantId) {
        if (tenantId == null || tenantId.length() < 2 || tenantId.length() > 40) {
            return false;
        }
        for (int i = 0; i < tenantId.length(); i++) {
            char c = tenantId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0)) {
                return false;
            }
        }
        return true;
    }

    public static String requireValid(String tenantId) {
        if (!isValid(tenantId)) {
            throw new IllegalArgumentException("Invalid tenant id '" + tenantId
                    + "': use 2-40 lowercase letters, digits or '-', starting with a letter or digit");
        }
        return tenantId;
    }
}
