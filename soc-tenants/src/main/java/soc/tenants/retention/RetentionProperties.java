package soc.tenants.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide retention settings.
 *
 * @param defaultDays days a tenant's event indices are kept when its own setting is empty
 */
@ConfigurationProperties("soc.retention")
public record RetentionProperties(@DefaultValue("90") int defaultDays) {
    public RetentionProperties {
        if (defaultDays < TenantRetention.MIN_DAYS || defaultDays > TenantRetention.MAX_DAYS) {
            throw new IllegalArgumentException("soc.retention.default-days must be between " + TenantRetention.MIN_DAYS
                    + " and " + TenantRetention.MAX_DAYS + ", not " + defaultDays);
        }
    }
}
