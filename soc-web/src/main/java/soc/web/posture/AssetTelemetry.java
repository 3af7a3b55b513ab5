package soc.web.posture;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import soc.events.IndexNames;
import soc.events.SocEvent;

/**
 * Which of a tenant's assets sent or received events: ingest enriches every event whose source, destination or
 * host address belongs to an asset with {@code <side>.asset.name}, so a terms aggregation over the tenant's own
 * event indices ({@code soc-events.<tenant>.*}, never another's) names the assets that have telemetry.
 */
@Component
class AssetTelemetry {
    private static final Logger log = LoggerFactory.getLogger(AssetTelemetry.class);
    private static final String[] FIELDS = {"source.asset.name", "destination.asset.name", "host.asset.name"};

    private final OpenSearchClient client;

    AssetTelemetry(OpenSearchClient client) {
        this.client = client;
    }

    /** Names of the tenant's assets seen in events in [from, to); empty when OpenSearch cannot be asked. */
    Optional<Set<String>> assetsSeen(String tenantId, Instant from, Instant to) {
        try {
            SearchResponse<Void> response = client.search(s -> {
                s.index(IndexNames.eventsPattern(tenantId)).ignoreUnavailable(true).allowNoIndices(true).size(0)
                        .query(q -> q.range(r -> r.field(SocEvent.TIMESTAMP)
                                .gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString()))));
                for (String field : FIELDS) {
                    s.aggregations(field, a -> a.terms(t -> t.field(field).size(5000)));
                }
                return s;
            }, Void.class);
            Set<String> names = new HashSet<>();
            for (String field : FIELDS) {
                Aggregate aggregate = response.aggregations().get(field);
                if (aggregate != null && aggregate.isSterms()) {
                    aggregate.sterms().buckets().array().forEach(bucket -> names.add(bucket.key()));
                }
            }
            return Optional.of(names);
        } catch (IOException | RuntimeException e) {
            log.warn("Asset telemetry of tenant {} unavailable: {}", tenantId, e.toString());
            return Optional.empty();
        }
    }
}
