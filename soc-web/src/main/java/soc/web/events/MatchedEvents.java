package soc.web.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import soc.events.IndexNames;
import soc.events.SocEvent;

/**
 * Reads the events an alert matched, by id, from that alert's tenant's own index pattern only: one tenant's
 * alert can never show another tenant's event, even with a forged id.
 */
@Component
public class MatchedEvents {
    private static final Logger log = LoggerFactory.getLogger(MatchedEvents.class);
    private static final int MAX_EVENTS = 50;

    private final OpenSearchClient client;

    MatchedEvents(OpenSearchClient client) {
        this.client = client;
    }

    /** The events of the tenant with these ids, as flat field maps sorted by field name. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Result find(String tenantId, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new Result(List.of(), true);
        }
        List<String> ids = eventIds.size() > MAX_EVENTS ? eventIds.subList(0, MAX_EVENTS) : eventIds;
        try {
            SearchResponse<Map> response = client.search(s -> s.index(IndexNames.eventsPattern(tenantId))
                    .ignoreUnavailable(true).allowNoIndices(true)
                    .query(q -> q.ids(i -> i.values(ids))).size(ids.size()), Map.class);
            List<MatchedEvent> events = new ArrayList<>();
            for (Hit<Map> hit : response.hits().hits()) {
                Map<String, Object> fields = new TreeMap<>();
                flatten("", hit.source() == null ? Map.of() : hit.source(), fields);
                // the index pattern already limits the search to the tenant; this is a second, cheap check
                if (tenantId.equals(fields.get(SocEvent.TENANT_ID))) {
                    events.add(new MatchedEvent(hit.id(), Collections.unmodifiableMap(fields)));
                }
            }
            events.sort((a, b) -> String.valueOf(a.fields().get(SocEvent.TIMESTAMP))
                    .compareTo(String.valueOf(b.fields().get(SocEvent.TIMESTAMP))));
            return new Result(List.copyOf(events), true);
        } catch (IOException | RuntimeException e) {
            log.warn("Matched events of tenant {} unavailable: {}", tenantId, e.toString());
            return new Result(List.of(), false);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<?, ?> source, Map<String, Object> into) {
        source.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, into);
            } else {
                into.put(name, value);
            }
        });
    }

    /** One event: its id and its fields (dotted ECS names). */
    public record MatchedEvent(String id, Map<String, Object> fields) {
        public Object message() {
            return fields.getOrDefault(SocEvent.MESSAGE, fields.get(SocEvent.ORIGINAL));
        }

        /** Fields in a stable order, platform fields and the original line left to the headline. */
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>(fields);
            details.remove(SocEvent.ORIGINAL);
            return details;
        }
    }

    /** @param available false when OpenSearch could not be asked (the page says so instead of failing) */
    public record Result(List<MatchedEvent> events, boolean available) {
    }
}
