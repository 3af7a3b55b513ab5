package soc.web.offboarding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch.core.ScrollResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.springframework.stereotype.Component;

import soc.events.IndexNames;

/**
 * A tenant's OpenSearch indices — its daily events indices {@code soc-events.<tenant>.*} and its alerts index
 * {@code soc-alerts.<tenant>} — read in full for an export, and deleted by name. Names are resolved first and
 * each is checked to belong to the tenant before anything is deleted (never a wildcard delete).
 */
@Component
class TenantIndices {
    private static final int PAGE = 1000;
    private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));

    private final OpenSearchClient client;

    TenantIndices(OpenSearchClient client) {
        this.client = client;
    }

    /** Receives one document: its index, id and source. */
    interface DocumentSink {
        void document(String index, String id, Map<?, ?> source) throws IOException;
    }

    /** Streams every document of the tenant's events indices; returns how many. */
    long exportEvents(String tenantId, DocumentSink sink) throws IOException {
        return scroll(IndexNames.eventsPattern(tenantId), sink);
    }

    long exportAlerts(String tenantId, DocumentSink sink) throws IOException {
        return scroll(IndexNames.alerts(tenantId), sink);
    }

    /** The tenant's indices that exist now. */
    List<String> indicesOf(String tenantId) throws IOException {
        List<String> names = new ArrayList<>(client.indices().get(g -> g
                .index(IndexNames.eventsPattern(tenantId), IndexNames.alerts(tenantId))
                .ignoreUnavailable(true).allowNoIndices(true)).result().keySet());
        names.removeIf(name -> !belongsTo(name, tenantId));
        names.sort(null);
        return names;
    }

    /** Deletes the tenant's indices; returns their names. */
    List<String> delete(String tenantId) throws IOException {
        List<String> names = indicesOf(tenantId);
        if (!names.isEmpty()) {
            client.indices().delete(d -> d.index(names));
        }
        return names;
    }

    static boolean belongsTo(String index, String tenantId) {
        return index.startsWith(IndexNames.EVENTS_PREFIX + tenantId + ".") || index.equals(IndexNames.alerts(tenantId));
    }

    @SuppressWarnings("rawtypes")
    private long scroll(String index, DocumentSink sink) throws IOException {
        SearchResponse<Map> first = client.search(s -> s.index(index).ignoreUnavailable(true).allowNoIndices(true)
                .scroll(KEEP_ALIVE).size(PAGE).query(q -> q.matchAll(m -> m)), Map.class);
        long count = 0;
        String scrollId = first.scrollId();
        List<Hit<Map>> hits = first.hits().hits();
        try {
            while (!hits.isEmpty()) {
                for (Hit<Map> hit : hits) {
                    if (belongsTo(hit.index(), tenantIdOf(index))) {
                        sink.document(hit.index(), hit.id(), hit.source() == null ? Map.of() : hit.source());
                        count++;
                    }
                }
                if (scrollId == null) {
                    break;
                }
                String current = scrollId;
                ScrollResponse<Map> next = client.scroll(s -> s.scrollId(current).scroll(KEEP_ALIVE), Map.class);
                scrollId = next.scrollId();
                hits = next.hits().hits();
            }
        } finally {
            if (scrollId != null) {
                String current = scrollId;
                try {
                    client.clearScroll(c -> c.scrollId(current));
                } catch (IOException | RuntimeException ignored) {
                    // the scroll expires by itself
                }
            }
        }
        return count;
    }

    /** The tenant id framed in one of the two index names this class reads. */
    private static String tenantIdOf(String index) {
        if (index.startsWith(IndexNames.ALERTS_PREFIX)) {
            return index.substring(IndexNames.ALERTS_PREFIX.length());
        }
        String rest = index.substring(IndexNames.EVENTS_PREFIX.length());
        return rest.substring(0, rest.indexOf('.'));
    }
}
