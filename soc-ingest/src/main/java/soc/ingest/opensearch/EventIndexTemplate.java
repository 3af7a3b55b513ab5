package soc.ingest.opensearch;

import java.io.IOException;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import soc.events.EventIndexMapping;
import soc.events.IndexNames;

/**
 * Installs the index template for every tenant's daily event indices: strings are keywords (exact matching,
 * aggregations) except the free-text message; the original is stored but not indexed.
 */
@Component
class EventIndexTemplate {
    private static final Logger log = LoggerFactory.getLogger(EventIndexTemplate.class);
    static final String NAME = "soc-events";
    private static final String TEMPLATE = """
            {
              "index_patterns": ["%s*"],
              "template": {
                "settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "1s"},
                "mappings": %s
              }
            }
            """.formatted(IndexNames.EVENTS_PREFIX, EventIndexMapping.MAPPINGS);

    private final OpenSearchClient client;

    EventIndexTemplate(OpenSearchClient client) {
        this.client = client;
    }

    private volatile boolean installed;

    /** Installs the template once; called before each bulk so a late or restarted OpenSearch is handled too. */
    void ensureInstalled() throws IOException {
        if (installed) {
            return;
        }
        try (Response response = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/_index_template/" + NAME).json(TEMPLATE).build())) {
            if (response.getStatus() >= 300) {
                throw new IOException("Index template " + NAME + " refused with status " + response.getStatus());
            }
        }
        installed = true;
        log.info("Index template {} installed for {}*", NAME, IndexNames.EVENTS_PREFIX);
    }
}
