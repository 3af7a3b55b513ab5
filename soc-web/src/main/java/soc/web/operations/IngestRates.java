package soc.web.operations;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.MultiTermsBucket;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import soc.events.IndexNames;
import soc.events.SocEvent;

/**
 * Accepted (normalised and indexed) events per tenant and source over the last 5 minutes and the last hour, counted
 * in OpenSearch on {@code event.ingested} (the edge's receive time), so the figures are right whichever process or
 * instance ingested them. Two size-0 searches with a multi-terms aggregation on tenant and source; shards whose
 * {@code event.ingested} values lie outside the window are skipped by OpenSearch's pre-filter, so old days cost
 * next to nothing.
 */
@Component
class IngestRates {
    static final Duration SHORT = Duration.ofMinutes(5);
    static final Duration LONG = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(IngestRates.class);
    private static final int MAX_PAIRS = 10_000;

    private final OpenSearchClient client;

    IngestRates(OpenSearchClient client) {
        this.client = client;
    }

    /** Events of one source (or of one tenant) in the two windows. */
    record Counts(long lastShort, long lastLong) {
        public double perSecondShort() {
            return lastShort / (double) SHORT.toSeconds();
        }

        public double perSecondLong() {
            return lastLong / (double) LONG.toSeconds();
        }

        Counts plus(Counts other) {
            return new Counts(lastShort + other.lastShort, lastLong + other.lastLong);
        }
    }

    /** A tenant's source. */
    record Key(String tenantId, String sourceId) {
    }

    record SourceRate(String sourceId, Counts counts) {
    }

    record TenantRate(String tenantId, Counts counts, List<SourceRate> sources) {
    }

    /** Tenants with events in the last hour, busiest first; empty if OpenSearch cannot be asked. */
    Optional<List<TenantRate>> at(Instant now) {
        try {
            return Optional.of(table(countsSince(now.minus(LONG), now), countsSince(now.minus(SHORT), now)));
        } catch (IOException | RuntimeException e) {
            log.warn("Ingest rates unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Rows per tenant with their sources, busiest (last 5 minutes, then last hour) first. */
    static List<TenantRate> table(Map<Key, Long> lastLong, Map<Key, Long> lastShort) {
        Map<String, List<SourceRate>> byTenant = new LinkedHashMap<>();
        for (Map.Entry<Key, Long> entry : lastLong.entrySet()) {
            long recent = lastShort.getOrDefault(entry.getKey(), 0L);
            byTenant.computeIfAbsent(entry.getKey().tenantId(), t -> new ArrayList<>())
                    .add(new SourceRate(entry.getKey().sourceId(), new Counts(recent, Math.max(recent, entry.getValue()))));
        }
        List<TenantRate> tenants = new ArrayList<>();
        byTenant.forEach((tenant, sources) -> tenants.add(new TenantRate(tenant,
                sources.stream().map(SourceRate::counts).reduce(new Counts(0, 0), Counts::plus),
                busiestFirst(sources, SourceRate::counts))));
        return busiestFirst(tenants, TenantRate::counts);
    }

    private Map<Key, Long> countsSince(Instant from, Instant to) throws IOException {
        SearchResponse<Void> response = client.search(s -> s
                .index(IndexNames.EVENTS_PREFIX + "*").ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.range(r -> r.field(SocEvent.INGESTED)
                        .gte(JsonData.of(from.toString())).lte(JsonData.of(to.toString()))))
                .aggregations("pairs", a -> a.multiTerms(m -> m.size(MAX_PAIRS)
                        .terms(t -> t.field(SocEvent.TENANT_ID)).terms(t -> t.field(SocEvent.SOURCE_ID)))), Void.class);
        Map<Key, Long> counts = new HashMap<>();
        Aggregate pairs = response.aggregations().get("pairs");
        if (pairs != null && pairs.isMultiTerms()) {
            for (MultiTermsBucket bucket : pairs.multiTerms().buckets().array()) {
                List<FieldValue> key = bucket.key();
                if (key.size() == 2) {
                    counts.put(new Key(text(key.get(0)), text(key.get(1))), bucket.docCount());
                }
            }
        }
        return counts;
    }

    private static String text(FieldValue value) {
        return value.isString() ? value.stringValue() : String.valueOf(value._get());
    }

    private static <T> List<T> busiestFirst(List<T> rows, Function<T, Counts> counts) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparingLong((T row) -> counts.apply(row).lastShort())
                .thenComparingLong(row -> counts.apply(row).lastLong()).reversed());
        return copy;
    }
}
