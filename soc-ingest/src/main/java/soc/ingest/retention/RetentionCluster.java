package soc.ingest.retention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.springframework.stereotype.Component;

import soc.events.EventJson;
import soc.events.IndexNames;

/** The OpenSearch calls of retention: is ISM there, a tenant's event indices, deleting them, and ISM policies. */
@Component
public class RetentionCluster {
    /** The plugin component name of Index State Management in {@code _cat/plugins}. */
    static final String ISM_PLUGIN = "opensearch-index-management";
    private static final int DELETE_BATCH = 50;

    private final OpenSearchClient client;

    RetentionCluster(OpenSearchClient client) {
        this.client = client;
    }

    /** Whether the cluster's nodes have the Index State Management plugin ({@code GET _cat/plugins}). */
    boolean hasIsm() throws IOException {
        Reply reply = call("GET", "/_cat/plugins", Map.of("format", "json"), null);
        reply.requireOk("_cat/plugins");
        List<?> plugins = EventJson.mapper().readValue(reply.body(), List.class);
        return plugins.stream().anyMatch(p -> p instanceof Map<?, ?> m && ISM_PLUGIN.equals(m.get("component")));
    }

    /** The names of the tenant's event indices that exist now (its own pattern only). */
    List<String> eventIndicesOf(String tenantId) throws IOException {
        return new ArrayList<>(client.indices().get(g -> g.index(IndexNames.eventsPattern(tenantId))
                .ignoreUnavailable(true).allowNoIndices(true)).result().keySet());
    }

    /** Deletes indices by their exact names (never a wildcard). */
    void delete(List<String> indices) throws IOException {
        for (int from = 0; from < indices.size(); from += DELETE_BATCH) {
            List<String> batch = indices.subList(from, Math.min(indices.size(), from + DELETE_BATCH));
            client.indices().delete(d -> d.index(batch).ignoreUnavailable(true));
        }
    }

    /** What {@link #ensurePolicy} did. */
    public enum PolicyChange { CREATED, UPDATED, UNCHANGED }

    /**
     * Makes the tenant's ISM policy the one for {@code days}, then attaches it to the tenant's existing indices that
     * have none (new indices get it from the policy's ISM template) and moves indices on an older version to it.
     */
    PolicyChange ensurePolicy(String tenantId, int days) throws IOException {
        String id = IsmPolicy.id(tenantId);
        String endpoint = "/_plugins/_ism/policies/" + id;
        Reply current = call("GET", endpoint, Map.of(), null);
        PolicyChange change;
        if (current.status() == 404) {
            call("PUT", endpoint, Map.of(), IsmPolicy.json(tenantId, days)).requireOk("creating ISM policy " + id);
            change = PolicyChange.CREATED;
        } else {
            current.requireOk("reading ISM policy " + id);
            Map<String, Object> existing = EventJson.readObject(current.body());
            if (IsmPolicy.isCurrent(existing, tenantId, days)) {
                change = PolicyChange.UNCHANGED;
            } else {
                call("PUT", endpoint, Map.of("if_seq_no", String.valueOf(existing.get("_seq_no")),
                        "if_primary_term", String.valueOf(existing.get("_primary_term"))), IsmPolicy.json(tenantId, days))
                        .requireOk("updating ISM policy " + id);
                change = PolicyChange.UPDATED;
            }
        }
        String pattern = IndexNames.eventsPattern(tenantId);
        // indices that already have a policy are reported as failures by "add": expected, not an error
        call("POST", "/_plugins/_ism/add/" + pattern, Map.of(), EventJson.write(Map.of("policy_id", id)))
                .requireBelow500("attaching ISM policy " + id);
        if (change == PolicyChange.UPDATED) {
            call("POST", "/_plugins/_ism/change_policy/" + pattern, Map.of(), EventJson.write(Map.of(
                    "policy_id", id, "state", "hot", "include", List.of(Map.of("state", "hot")))))
                    .requireBelow500("moving " + pattern + " to the new version of " + id);
        }
        return change;
    }

    private Reply call(String method, String endpoint, Map<String, String> query, String json) throws IOException {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint).query(query);
        if (json != null) {
            request.json(json);
        }
        try (Response response = client.generic().execute(request.build())) {
            String body = response.getBody().map(Body::bodyAsString).orElse("");
            return new Reply(response.getStatus(), body);
        }
    }

    private record Reply(int status, String body) {
        void requireOk(String what) throws IOException {
            if (status >= 300) {
                throw new IOException(what + " answered " + status + ": " + abbreviate(body));
            }
        }

        void requireBelow500(String what) throws IOException {
            if (status >= 500) {
                throw new IOException(what + " answered " + status + ": " + abbreviate(body));
            }
        }

        private static String abbreviate(String text) {
            return text.length() > 500 ? text.substring(0, 500) + "..." : text;
        }
    }
}
