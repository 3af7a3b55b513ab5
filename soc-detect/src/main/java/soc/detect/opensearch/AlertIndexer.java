package soc.detect.opensearch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Request;
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

    private static final byte[] ACTION_START = "{\"index\":{\"_index\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACTION_ID = ",\"_id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACTION_END = "}}\n".getBytes(StandardCharsets.UTF_8);

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
        List<String> documents = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            documents.add(EventJson.write(alert));
        }
        index(alerts, documents);
    }

    /**
     * Indexes alerts already serialised ({@code documents.get(i)} is {@code EventJson.write(alerts.get(i))}): one
     * {@code _bulk} request whose body is those bytes as they are, so each alert is serialised once for both its
     * index and its topic. Throws when OpenSearch refuses the request or any alert.
     */
    public void index(List<Alert> alerts, List<String> documents) throws IOException {
        if (alerts.isEmpty()) {
            return;
        }
        ensureTemplate();
        ByteArrayOutputStream body = new ByteArrayOutputStream(alerts.size() * 700);
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            body.write(ACTION_START);
            body.write(EventJson.writeBytes(IndexNames.alerts(alert.tenantId())));
            body.write(ACTION_ID);
            body.write(EventJson.writeBytes(alert.alertId()));
            body.write(ACTION_END);
            body.write(documents.get(i).getBytes(StandardCharsets.UTF_8));
            body.write('\n');
        }
        // filter_path: a bulk that went through answers {"errors":false}, not one item per alert
        Request request = Requests.builder().method("POST").endpoint("/_bulk")
                .query(Map.of("filter_path", "errors,items.*.error"))
                .body(Body.from(body.toByteArray(), "application/x-ndjson")).build();
        try (Response response = client.generic().execute(request)) {
            byte[] answer = response.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
            if (response.getStatus() >= 300) {
                throw new IOException("OpenSearch refused the alert bulk with status " + response.getStatus() + ": "
                        + new String(answer, 0, Math.min(answer.length, 500), StandardCharsets.UTF_8));
            }
            Map<String, Object> result = EventJson.readObject(new String(answer, StandardCharsets.UTF_8));
            if (!Boolean.FALSE.equals(result.get("errors"))) {
                throw new IOException("OpenSearch refused alerts: " + firstError(result));
            }
        }
    }

    private static String firstError(Map<String, Object> result) {
        if (result.get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> byAction) {
                    for (Object action : byAction.values()) {
                        if (action instanceof Map<?, ?> outcome && outcome.get("error") instanceof Map<?, ?> error) {
                            return error.get("type") + " " + error.get("reason");
                        }
                    }
                }
            }
        }
        return "unknown";
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
