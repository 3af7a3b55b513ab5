package soc.detect.opensearch;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import soc.events.Alert;
import soc.events.EventJson;
import soc.events.IndexNames;

/**
 * Indexes alerts into their tenant's alert index, the alert id being the document id (replays overwrite).
 * Any failure throws so the detection batch is retried rather than an alert lost.
 */
@Component
public class AlertIndexer implements DisposableBean {
    private static final String TEMPLATE_NAME = "soc-alerts";
    private static final String TEMPLATE = """
            {
              "index_patterns": ["%s*"],
              "template": {
                "settings": {"number_of_shards": 1, "number_of_replicas": 0},
                "mappings": {
                  "dynamic_templates": [
                    {"strings": {"match_mapping_type": "string", "mapping": {"type": "keyword", "ignore_above": 2048}}}
                  ],
                  "properties": {"eventTime": {"type": "date"}, "detectedAt": {"type": "date"}}
                }
              }
            }
            """.formatted(IndexNames.ALERTS_PREFIX);

    private final OpenSearchTransport transport;
    private final OpenSearchClient client;
    private volatile boolean templateInstalled;

    AlertIndexer(OpenSearchProperties properties) {
        URI uri = URI.create(properties.url());
        this.transport = ApacheHttpClient5TransportBuilder
                .builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()))
                .setMapper(new JacksonJsonpMapper())
                // opensearch-java decompresses responses itself; httpclient5 5.6 would do it a second time
                .setHttpClientConfigCallback(client -> client.disableContentCompression()).build();
        this.client = new OpenSearchClient(transport);
    }

    public void index(List<Alert> alerts) throws IOException {
        if (alerts.isEmpty()) {
            return;
        }
        ensureTemplate();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Alert alert : alerts) {
            java.util.Map<String, Object> document = EventJson.readObject(EventJson.write(alert));
            bulk.operations(op -> op.index(i -> i.index(IndexNames.alerts(alert.tenantId()))
                    .id(alert.alertId()).document(document)));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            String reason = response.items().stream().filter(item -> item.error() != null).findFirst()
                    .map(item -> item.status() + " " + item.error().reason()).orElse("unknown");
            throw new IOException("OpenSearch refused alerts: " + reason);
        }
    }

    private void ensureTemplate() throws IOException {
        if (templateInstalled) {
            return;
        }
        try (Response response = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/_index_template/" + TEMPLATE_NAME).json(TEMPLATE).build())) {
            if (response.getStatus() >= 300) {
                throw new IOException("Alert index template refused with status " + response.getStatus());
            }
        }
        templateInstalled = true;
    }

    @Override
    public void destroy() throws Exception {
        transport.close();
    }
}
