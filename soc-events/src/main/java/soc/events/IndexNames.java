package soc.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * OpenSearch index names. Each tenant has its own indices; the tenant id is framed by dots, which tenant ids
 * cannot contain, so the pattern of one tenant ({@code soc-events.acme.*}) can never match another's
 * ({@code soc-events.acme-water.*}).
 */
public final class IndexNames {
    public static final String EVENTS_PREFIX = "soc-events.";
    public static final String ALERTS_PREFIX = "soc-alerts.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private IndexNames() {
    }

    /** Daily events index of a tenant, by the event's own time. */
    public static String events(String tenantId, Instant eventTime) {
        return EVENTS_PREFIX + TenantIds.requireValid(tenantId) + "." + DAY.format(eventTime);
    }

    /** Every events index of one tenant. */
    public static String eventsPattern(String tenantId) {
        return EVENTS_PREFIX + TenantIds.requireValid(tenantId) + ".*";
    }

    public static String alerts(String tenantId) {
        return ALERTS_PREFIX + TenantIds.requireValid(tenantId);
    }
}
