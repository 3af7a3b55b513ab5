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

    /** The same check as the pattern it replaced (kept for tests). */
    static boolean matchesPattern(String tenantId) {
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
