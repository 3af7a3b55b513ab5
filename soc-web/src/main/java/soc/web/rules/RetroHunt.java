package soc.web.rules;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.springframework.stereotype.Component;

import soc.detect.sigma.SigmaQueryTranslator;
import soc.detect.sigma.SigmaRule;
import soc.events.EventJson;
import soc.events.IndexNames;
import soc.events.SocEvent;

/**
 * Runs a Sigma rule over one tenant's past events: the rule is translated into an OpenSearch query
 * ({@link SigmaQueryTranslator}) and run on that tenant's index pattern only ({@code soc-events.<tenant>.*}) within
 * a time range. Returns the hit count and the first hits, newest first.
 */
@Component
public class RetroHunt {
    private final OpenSearchClient client;
    private final RuleManagementProperties properties;
    private final SigmaQueryTranslator translator = new SigmaQueryTranslator();

    RetroHunt(OpenSearchClient client, RuleManagementProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** One hit: the event id, time and fields (dotted names). */
    public record Hit(String id, String timestamp, Map<String, Object> fields) {
        public Object message() {
            return fields.getOrDefault(SocEvent.MESSAGE, fields.get(SocEvent.ORIGINAL));
        }
    }

    /**
     * @param total   events matched (exact)
     * @param query   the OpenSearch request body that ran (shown so analysts can reuse it)
     * @param error   why the hunt could not run (unsupported construct, OpenSearch unavailable...), else null
     */
    public record Result(String tenantId, String ruleId, String ruleTitle, Instant from, Instant to, long total,
                         List<Hit> hits, String query, long tookMillis, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    public Result run(String tenantId, String ruleId, SigmaRule rule, Instant from, Instant to) {
        Map<String, Object> body;
        try {
            body = request(rule, from, to, properties.huntHits(), properties.huntTimeout().toMillis());
        } catch (SigmaQueryTranslator.UnsupportedRuleException e) {
            return new Result(tenantId, ruleId, rule.title(), from, to, 0, List.of(), null, 0,
                    "This rule cannot be translated: " + e.getMessage());
        }
        String json = EventJson.write(body);
        long start = System.nanoTime();
        String endpoint = "/" + IndexNames.eventsPattern(tenantId) + "/_search?ignore_unavailable=true&allow_no_indices=true";
        try (Response response = client.generic().execute(Requests.builder().method("POST").endpoint(endpoint)
                .json(json).build())) {
            String text = response.getBody().map(Body::bodyAsString).orElse("{}");
            long took = (System.nanoTime() - start) / 1_000_000;
            if (response.getStatus() >= 300) {
                return new Result(tenantId, ruleId, rule.title(), from, to, 0, List.of(), json, took,
                        "OpenSearch refused the query (" + response.getStatus() + "): " + abbreviate(text));
            }
            return parse(tenantId, ruleId, rule.title(), from, to, json, took, EventJson.readObject(text));
        } catch (IOException | RuntimeException e) {
            return new Result(tenantId, ruleId, rule.title(), from, to, 0, List.of(), json, 0,
                    "OpenSearch is unavailable: " + e.getMessage());
        }
    }

    /** The whole search request body for a rule and a time range. */
    Map<String, Object> request(SigmaRule rule, Instant from, Instant to, int size, long timeoutMillis) {
        Map<String, Object> range = Map.of("range", Map.of(SocEvent.TIMESTAMP, Map.of("gte", from.toString(),
                "lt", to.toString())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", Map.of("filter", List.of(range, translator.translate(rule)))));
        body.put("size", size);
        body.put("track_total_hits", true);
        body.put("timeout", timeoutMillis + "ms");
        body.put("sort", List.of(Map.of(SocEvent.TIMESTAMP, Map.of("order", "desc", "unmapped_type", "date"))));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Result parse(String tenantId, String ruleId, String title, Instant from, Instant to, String query,
                                long took, Map<String, Object> response) {
        Map<String, Object> hits = (Map<String, Object>) response.getOrDefault("hits", Map.of());
        Object totalObject = hits.get("total");
        long total = totalObject instanceof Map<?, ?> t && t.get("value") instanceof Number n ? n.longValue()
                : totalObject instanceof Number n ? n.longValue() : 0;
        List<Hit> out = new ArrayList<>();
        for (Object o : (List<Object>) hits.getOrDefault("hits", List.of())) {
            Map<String, Object> hit = (Map<String, Object>) o;
            Map<String, Object> fields = new TreeMap<>();
            flatten("", (Map<String, Object>) hit.getOrDefault("_source", Map.of()), fields);
            // the index pattern already limits the search to the tenant; this is a second, cheap check
            if (tenantId.equals(fields.get(SocEvent.TENANT_ID))) {
                out.add(new Hit(String.valueOf(hit.get("_id")), String.valueOf(fields.get(SocEvent.TIMESTAMP)), fields));
            }
        }
        Map<String, Object> shards = (Map<String, Object>) response.getOrDefault("_shards", Map.of());
        String error = null;
        if (shards.get("failed") instanceof Number f && f.intValue() > 0) {
            error = "Some indices could not run the query (" + f + " shard failures): " + abbreviate(String.valueOf(
                    shards.get("failures")));
        }
        return new Result(tenantId, ruleId, title, from, to, total, out, query, took, error);
    }

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

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
