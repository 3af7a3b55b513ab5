package soc.events;

import java.util.regex.Pattern;

/**
 * Tenant ids are short lowercase slugs (e.g. {@code cardiff-council}). They appear in Kafka keys, OpenSearch
 * index names and PostgreSQL rows, so the alphabet is restricted to what is valid in all three.
 */
public final class TenantIds {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private TenantIds() {
    }

    public static boolean isValid(String tenantId) {
        return tenantId != null && VALID.matcher(tenantId).matches();
    }

    public static String requireValid(String tenantId) {
        if (!isValid(tenantId)) {
            throw new IllegalArgumentException("Invalid tenant id '" + tenantId
                    + "': use 2-40 lowercase letters, digits or '-', starting with a letter or digit");
        }
        return tenantId;
    }
}
