package soc.ingest.retention;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.springframework.stereotype.Component;

import soc.events.EventJson;
import soc.events.IndexNames;

/**
 * The OpenSearch calls of retention: is ISM there, a tenant's event indices, deleting them, ISM policies, and deleting
 * a tenant's old alert documents.
 */
@Component
public class RetentionCluster {
    /** The plugin component name of Index State Management in {@code _cat/plugins}. */
    static final String ISM_PLUGIN = "opensearch-index-management";
    private static final int DELETE_BATCH = 50;
    static final int ALERT_BATCH = 1000;
    static final int MAX_ALERT_BATCHES = 100;

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

    /**
     * Deletes the alerts of the tenant's own alert index ({@code soc-alerts.<tenant>}, an exact name, never a pattern)
     * raised before {@code cutoff}: finds them by a range query ({@link ExpiredAlerts}) and deletes them by id in bulk,
     * {@value #ALERT_BATCH} at a time, at most {@value #MAX_ALERT_BATCHES} batches per run (the rest next run).
     * Not {@code _delete_by_query}: it belongs to the reindex module, which the integ-test distribution of the tests
     * and {@code ./soc run} does not have. 0 when the tenant has no alert index yet.
     *
     * @return the number of alert documents deleted
     */
    long deleteAlertsBefore(String tenantId, Instant cutoff) throws IOException {
        String index = IndexNames.alerts(tenantId);
        long deleted = 0;
        for (int batch = 0; batch < MAX_ALERT_BATCHES; batch++) {
            Reply found = call("POST", "/" + index + "/_search", Map.of("ignore_unavailable", "true",
                    "allow_no_indices", "true"), ExpiredAlerts.search(cutoff, ALERT_BATCH));
            if (found.status() == 404) {
                return deleted;
            }
            found.requireOk("finding expired alerts of " + index);
            List<String> ids = ExpiredAlerts.ids(EventJson.readObject(found.body()));
            if (ids.isEmpty()) {
                return deleted;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
            for (String id : ids) {
                bulk.operations(op -> op.delete(d -> d.index(index).id(id)));
            }
            BulkResponse response = client.bulk(bulk.build());
            for (BulkResponseItem item : response.items()) {
                if (item.status() == 200) {
                    deleted++;
                } else if (item.status() != 404) { // 404: gone meanwhile (another instance), not an error
                    throw new IOException("deleting expired alerts of " + index + ": " + item.status() + " "
                            + (item.error() == null ? "" : item.error().reason()));
                }
            }
            if (ids.size() < ALERT_BATCH) {
                return deleted;
            }
        }
        return deleted;
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
