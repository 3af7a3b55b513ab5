package soc.detect.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import soc.events.Alert;
import soc.events.EventJson;
import soc.events.IndexNames;
import soc.events.Severity;
import soc.infra.TestInfra;

/** The alert bulk on a real OpenSearch: documents as serialised, replays overwrite, a refused alert throws. */
class AlertIndexerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void indexesTheSerialisedAlertsOverwritesReplaysAndThrowsWhenAnAlertIsRefused() throws Exception {
        String os = TestInfra.openSearch().openSearchUrl();
        String tenant = "idx-" + UUID.randomUUID().toString().substring(0, 8);
        AlertIndexer indexer = new AlertIndexer(new OpenSearchProperties(os));
        try {
            Alert first = alert(tenant, "a-1", "r-1");
            Alert second = alert(tenant, "a-2", "r-2");
            indexer.index(List.of(first, second));
            indexer.index(List.of(first)); // a replay: same id, same document

            http("POST", os + "/" + IndexNames.alerts(tenant) + "/_refresh", null);
            assertThat(http("GET", os + "/" + IndexNames.alerts(tenant) + "/_count", null)).contains("\"count\":2");
            Map<String, Object> stored = EventJson.readObject(
                    http("GET", os + "/" + IndexNames.alerts(tenant) + "/_doc/a-2", null));
            assertThat(stored.get("_source")).isEqualTo(EventJson.readObject(EventJson.write(second)));

            // another tenant's index whose ruleId is a number: the alert is refused, and that must throw
            String other = "idx-" + UUID.randomUUID().toString().substring(0, 8);
            http("PUT", os + "/" + IndexNames.alerts(other),
                    "{\"mappings\":{\"properties\":{\"ruleId\":{\"type\":\"integer\"}}}}");
            assertThatThrownBy(() -> indexer.index(List.of(alert(tenant, "a-3", "r-3"), alert(other, "b-1", "r-1"))))
                    .isInstanceOf(IOException.class).hasMessageContaining("OpenSearch refused alerts")
                    .hasMessageContaining("mapper_parsing_exception");
        } finally {
            indexer.destroy();
        }
    }

    private static Alert alert(String tenant, String id, String rule) {
        return new Alert(id, tenant, rule, "Rule " + rule, "Florian Roth", Severity.HIGH, List.of("T1110"),
                List.of("e-" + id), Map.of("user.name", "bob", "host.name", "h\u00e9\"1"), "fp-" + id,
                Instant.parse("2026-12-01T04:00:00Z"), Instant.parse("2026-12-01T04:00:01.5Z"));
    }

    private static String http(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
