package soc.detect.correlation;

import java.util.Map;

/**
 * One event that matched a rule referenced by a correlation, as sent to the signals topic (keyed by tenant). Small
 * on purpose: the correlation state needs the group, the time, the event id and the aggregated value, not the event.
 *
 * @param tenantId    owning tenant
 * @param correlation key of the correlation rule (id, else name, else "sigma:" + title)
 * @param group       the group-by values joined (the state key within tenant and correlation)
 * @param groupValues group-by field to value, for the alert's key fields
 * @param rule        the reference (as written in the correlation's {@code rules}) this event matched
 * @param eventId     the event's id (or, for a chained correlation, the alert id of the inner correlation)
 * @param time        event time, epoch milliseconds
 * @param value       the value of {@code condition.field} for value_* correlations, else null
 */
public record CorrelationSignal(String tenantId, String correlation, String group, Map<String, String> groupValues,
                                String rule, String eventId, long time, String value) {
    public CorrelationSignal {
        groupValues = groupValues == null ? Map.of() : Map.copyOf(groupValues);
    }

    /** The state store key: tenant, correlation and group. */
    public String stateKey() {
        return tenantId + "\u0000" + correlation + "\u0000" + group;
    }
}
