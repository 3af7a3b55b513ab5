package soc.ingest.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.springframework.stereotype.Component;

import soc.events.IndexNames;
import soc.events.SocEvent;

/**
 * Writes normalised events to their tenant's daily index. The event id is the document id, so a replay
 * overwrites rather than duplicates. Whole-request failures and overload (429, 5xx) throw, so the caller
 * retries the batch; a document OpenSearch refuses for its content is returned as a rejection.
 */
@Component
public class EventIndexer {
    private final OpenSearchClient client;
    private final EventIndexTemplate template;

    EventIndexer(OpenSearchClient client, EventIndexTemplate template) {
        this.client = client;
        this.template = template;
    }

    public List<Rejection> index(List<SocEvent> events) throws IOException {
        if (events.isEmpty()) {
            return List.of();
        }
        template.ensureInstalled();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (SocEvent event : events) {
            Map<String, Object> document = event.fields();
            bulk.operations(op -> op.index(i -> i.index(IndexNames.events(event.tenantId(), event.timestamp()))
                    .id(event.eventId()).document(document)));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (!response.errors()) {
            return List.of();
        }
        List<Rejection> rejections = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                continue;
            }
            // overload, failure, or a block (e.g. disk flood stage) that an operator will lift: pause, don't drop
            if (item.status() == 429 || item.status() >= 500 || "cluster_block_exception".equals(item.error().type())) {
                throw new IOException("OpenSearch is overloaded or failing (status " + item.status() + "): "
                        + item.error().reason());
            }
            rejections.add(new Rejection(events.get(i), "opensearch refused the document: "
                    + item.error().type() + ": " + item.error().reason()));
        }
        return rejections;
    }

    /** An event OpenSearch would not take, with its reason. */
    public record Rejection(SocEvent event, String reason) {
    }
}
