package soc.detect.sigma;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import soc.events.EventIndexMapping;
import soc.events.EventJson;

/**
 * Strategy (b) of {@link DetectionBenchmark}: the scheduled-query approach of SIEMs that detect by searching (the
 * events are indexed first, then every rule runs as a query over the indexed batch). The benchmark's events are
 * bulk-indexed into a real OpenSearch index with the platform's event mapping (soc-ingest's {@code EventIndexTemplate}:
 * strings are keywords, {@code message} is text, the IPs are {@code ip}), every rule that
 * {@link SigmaQueryTranslator} (the retro-hunt translation) can express runs as one search over the batch, one after the
 * other, and the total search time (client wall clock, including HTTP) gives the events/s equivalent.
 * Indexing time is reported separately and not counted. Plain HTTP, no client library.
 */
final class ScheduledQueryStrategy {
    private static final String INDEX = "bench-scheduled-events";
    /** The platform's event mapping (soc-ingest's index template), without refreshes while the batch is indexed. */
    private static final String MAPPING = """
            {
              "settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1",
                           "index.mapping.total_fields.limit": 20000},
              "mappings": %s
            }
            """.formatted(EventIndexMapping.MAPPINGS);

    /**
     * {@code querySeconds}: wall clock of one round of searches; {@code cpuSeconds}: CPU time OpenSearch (node stats)
     * plus this client thread used for it, i.e. the per-core figure is {@code events / cpuSeconds}.
     */
    record Result(int rules, int translatable, int indexed, int rejected, long indexMillis, int rounds,
                  double querySeconds, double cpuSeconds, long matches, int queryErrors) {
        double eventsPerSecond() {
            return indexed / querySeconds;
        }

        double eventsPerCpuSecond() {
            return indexed / cpuSeconds;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    ScheduledQueryStrategy(String openSearchUrl) {
        this.url = openSearchUrl.endsWith("/") ? openSearchUrl.substring(0, openSearchUrl.length() - 1) : openSearchUrl;
    }

    /**
     * Indexes the events, then runs every translatable rule as a search over them, {@code rounds} times over
     * (the first round is a warm-up and not counted when {@code rounds > 1}).
     */
    Result run(List<CompiledRule> rules, List<Map<String, Object>> events, int rounds)
            throws IOException, InterruptedException {
        send("DELETE", "/" + INDEX, null);
        HttpResponse<String> created = send("PUT", "/" + INDEX, MAPPING);
        if (created.statusCode() >= 300) {
            throw new IOException("creating " + INDEX + ": " + created.body());
        }
        long t0 = System.nanoTime();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            bulk.append("{\"index\":{\"_id\":\"").append(i).append("\"}}\n").append(EventJson.write(events.get(i)))
                    .append('\n');
        }
        HttpResponse<String> bulkResponse = send("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString());
        long indexMillis = (System.nanoTime() - t0) / 1_000_000;
        int rejected = 0;
        Map<String, Object> br = EventJson.readObject(bulkResponse.body());
        for (Object item : (List<?>) br.get("items")) {
            Map<?, ?> op = (Map<?, ?>) ((Map<?, ?>) item).get("index");
            if (op.get("error") != null) {
                rejected++;
            }
        }
        send("POST", "/" + INDEX + "/_forcemerge?max_num_segments=1", null);

        SigmaQueryTranslator translator = new SigmaQueryTranslator();
        List<String> queries = new ArrayList<>();
        for (CompiledRule r : rules) {
            try {
                queries.add(EventJson.write(Map.of("query", translator.translate(r.rule()), "size", events.size(),
                        "_source", false, "track_total_hits", true)));
            } catch (SigmaQueryTranslator.UnsupportedRuleException | IllegalArgumentException e) {
                // not expressible as a query: the scheduled-query approach cannot run the rule at all
            }
        }
        long matches = 0;
        int errors = 0;
        double seconds = 0;
        double cpu = 0;
        int counted = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long roundMatches = 0;
            int roundErrors = 0;
            long serverCpu = serverCpuMillis();
            long clientCpu = mx.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (String q : queries) {
                HttpResponse<String> response = send("POST", "/" + INDEX + "/_search", q);
                if (response.statusCode() >= 300) {
                    roundErrors++;
                    continue;
                }
                roundMatches += hits(response.body());
            }
            double s = (System.nanoTime() - start) / 1e9;
            double c = (mx.getCurrentThreadCpuTime() - clientCpu) / 1e9 + (serverCpuMillis() - serverCpu) / 1e3;
            if (rounds == 1 || round > 0) {
                seconds += s;
                cpu += c;
                counted++;
            }
            matches = roundMatches;
            errors = roundErrors;
        }
        return new Result(rules.size(), queries.size(), events.size() - rejected, rejected, indexMillis, counted,
                seconds / counted, cpu / counted, matches, errors);
    }

    /** CPU time of the OpenSearch process (all its threads), from the node stats. */
    private long serverCpuMillis() throws IOException, InterruptedException {
        Map<String, Object> stats = EventJson.readObject(send("GET", "/_nodes/_local/stats/process", null).body());
        Map<?, ?> nodes = (Map<?, ?>) stats.get("nodes");
        Map<?, ?> node = (Map<?, ?>) nodes.values().iterator().next();
        Map<?, ?> cpu = (Map<?, ?>) ((Map<?, ?>) node.get("process")).get("cpu");
        return ((Number) cpu.get("total_in_millis")).longValue();
    }

    private static long hits(String body) {
        Map<String, Object> r = EventJson.readObject(body);
        Map<?, ?> hits = (Map<?, ?>) r.get("hits");
        Object total = hits.get("total");
        if (total instanceof Map<?, ?> t) {
            return ((Number) t.get("value")).longValue();
        }
        return ((List<?>) hits.get("hits")).size();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
