package soc.web.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import soc.events.EventJson;

/** Minimal HTTP calls for the tests: the ingest API and OpenSearch's REST API. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> post(String url, String contentType, String token, byte[] body,
                                     Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> ingest(String ingestUrl, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return post(ingestUrl + "/api/v1/ingest", contentType, token, body.getBytes(), Map.of());
    }

    static HttpResponse<String> send(String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Number of documents matching a query_string query in an index pattern (0 when no index exists yet). */
    static long count(String openSearchUrl, String indexPattern, String query) throws IOException, InterruptedException {
        send("POST", openSearchUrl + "/" + indexPattern + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
        HttpResponse<String> response = send("POST", openSearchUrl + "/" + indexPattern
                + "/_count?ignore_unavailable=true&allow_no_indices=true",
                EventJson.write(Map.of("query", Map.of("query_string", Map.of("query", query)))));
        Map<String, Object> body = EventJson.readObject(response.body());
        Object count = body.get("count");
        return count == null ? 0 : ((Number) count).longValue();
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        return EventJson.readObject(response.body());
    }
}
