package soc.ingest.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.EventJson;
import soc.events.IndexNames;
import soc.events.TenantIds;

/**
 * The Index State Management policy of one tenant's event indices: every index matching the tenant's pattern
 * ({@code soc-events.<tenant>.*}, which never matches another tenant's) starts in {@code hot} and is deleted once it
 * is {@code days} days old. ISM counts the age from the index's creation; daily indices are created on their day as
 * events arrive, so this is the same retention the retention job applies by the date in the name (a day back-filled
 * later is kept N days from when it was written).
 */
final class IsmPolicy {
    static final String ID_PREFIX = "soc-events-retention-";
    /** Above the default 0, so an operator's catch-all template does not take precedence over ours. */
    static final int TEMPLATE_PRIORITY = 100;

    private IsmPolicy() {
    }

    static String id(String tenantId) {
        return ID_PREFIX + TenantIds.requireValid(tenantId);
    }

    /** The description stored with the policy; it names the tenant and the days, so a changed setting shows. */
    static String description(String tenantId, int days) {
        return "SOC event retention of tenant " + TenantIds.requireValid(tenantId) + ": delete "
                + IndexNames.eventsPattern(tenantId) + " " + days + " days after creation";
    }

    /** The request body of {@code PUT _plugins/_ism/policies/<id>}. */
    static String json(String tenantId, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day, not " + days);
        }
        Map<String, Object> hot = new LinkedHashMap<>();
        hot.put("name", "hot");
        hot.put("actions", List.of());
        hot.put("transitions", List.of(Map.of("state_name", "delete",
                "conditions", Map.of("min_index_age", days + "d"))));
        Map<String, Object> delete = new LinkedHashMap<>();
        delete.put("name", "delete");
        delete.put("actions", List.of(Map.of("delete", Map.of())));
        delete.put("transitions", List.of());
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("index_patterns", List.of(IndexNames.eventsPattern(tenantId)));
        template.put("priority", TEMPLATE_PRIORITY);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("description", description(tenantId, days));
        policy.put("default_state", "hot");
        policy.put("states", List.of(hot, delete));
        policy.put("ism_template", List.of(template));
        return EventJson.write(Map.of("policy", policy));
    }

    /** Whether a policy as returned by {@code GET _plugins/_ism/policies/<id>} is the one for these days. */
    static boolean isCurrent(Map<String, Object> response, String tenantId, int days) {
        return response.get("policy") instanceof Map<?, ?> policy
                && description(tenantId, days).equals(policy.get("description"));
    }
}
