package soc.ingest.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.EventJson;

/**
 * Which of a tenant's alert documents ({@code soc-alerts.<tenant>}, one index per tenant, not time-partitioned, so no
 * index can be deleted whole and ISM, which acts on whole indices, cannot apply) are past its retention: those
 * <em>raised</em> ({@code detectedAt}) before the start (00:00 UTC) of the oldest day the tenant's event indices keep.
 * With {@code days} = N, alerts raised today and on the N days before it are kept — the same days as the events —
 * so a live alert (raised on its events' day) leaves search on the same day as its events. The time it was raised, not its
 * events' time, counts, so an alert a retro-hunt raises today on old events is kept N days like any other.
 * A document without {@code detectedAt} matches no range query and is never deleted.
 */
final class ExpiredAlerts {
    /** The alert field compared with the cutoff (mapped as {@code date} by soc-detect's {@code soc-alerts} template). */
    static final String FIELD = "detectedAt";

    private ExpiredAlerts() {
    }

    /** Alerts raised before this instant are past the retention. */
    static Instant cutoff(LocalDate today, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day, not " + days);
        }
        return today.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The body of {@code POST soc-alerts.<tenant>/_search} for the next {@code size} expired alerts (ids only): those
     * raised strictly before the cutoff.
     */
    static String search(Instant cutoff, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", size);
        body.put("_source", false);
        body.put("track_total_hits", false);
        body.put("sort", List.of("_doc"));
        body.put("query", Map.of("range", Map.of(FIELD, Map.of(
                "lt", cutoff.toString(), "format", "strict_date_optional_time"))));
        return EventJson.write(body);
    }

    /** The document ids of a search answer. */
    static List<String> ids(Map<String, Object> response) {
        List<String> ids = new ArrayList<>();
        if (response.get("hits") instanceof Map<?, ?> hits && hits.get("hits") instanceof List<?> list) {
            for (Object hit : list) {
                if (hit instanceof Map<?, ?> document && document.get("_id") instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
