package soc.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import soc.events.EventJson;
import soc.events.EventKeys;
import soc.events.RawEnvelope;
import soc.events.RawKeys;
import soc.events.SocEvent;
import soc.events.Topics;
import soc.ingest.opensearch.EventIndexer;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;

/**
 * Raw topic -> normalise -> enrich with the tenant's assets ({@link AssetEnricher}) -> tenant's OpenSearch index +
 * events topic. The listener returns only when every write of the batch has succeeded; only then are the raw offsets
 * committed. If OpenSearch or Kafka fails, the
 * exception makes the container back off and retry the same batch: ingest pauses and nothing is lost.
 */
@Component
class NormaliserWorker {
    private static final Logger log = LoggerFactory.getLogger(NormaliserWorker.class);
    static final String GROUP = "soc-ingest-normaliser";

    private final Normaliser normaliser = new Normaliser();
    private final EventIndexer indexer;
    private final KafkaTemplate<String, String> kafka;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final AssetEnricher assets;

    NormaliserWorker(EventIndexer indexer, KafkaTemplate<String, String> kafka, DeadLetters deadLetters,
                     MeterRegistry meters, AssetEnricher assets) {
        this.indexer = indexer;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.assets = assets;
    }

    @KafkaListener(topics = Topics.RAW, groupId = GROUP, batch = "true")
    void onRaw(List<ConsumerRecord<String, String>> records) throws Exception {
        List<SocEvent> events = new ArrayList<>(records.size());
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            RawEnvelope raw;
            try {
                raw = EventJson.read(record.value(), RawEnvelope.class);
            } catch (RuntimeException e) {
                // the raw key is <tenant>/<source>: the dead letter goes to that tenant
                writes.add(deadLetters.send(RawKeys.tenantOf(record.key()), null, "normalise", "unreadable raw envelope: "
                        + e.getMessage(), record.value()));
                continue;
            }
            Normalised result = normaliser.normalise(raw);
            if (result instanceof Normalised.Accepted accepted) {
                events.add(assets.enrich(accepted.event()));
            } else if (result instanceof Normalised.Rejected rejected) {
                writes.add(deadLetters.send(raw.tenantId(), raw.sourceId(), "normalise", rejected.reason(),
                        raw.payload()));
            }
        }
        List<EventIndexer.Rejection> refusals;
        try {
            refusals = indexer.index(events);
        } catch (Exception e) {
            log.warn("Indexing {} events failed, batch will be retried: {}", events.size(), e.toString());
            throw e;
        }
        for (EventIndexer.Rejection refused : refusals) {
            writes.add(deadLetters.send(refused.event().tenantId(), refused.event().sourceId(), "index",
                    refused.reason(), refused.event().getString(SocEvent.ORIGINAL)));
        }
        for (SocEvent event : events) {
            writes.add(kafka.send(Topics.EVENTS, EventKeys.of(event), EventJson.write(event)));
            meters.counter("soc.ingest.events", "tenant", event.tenantId()).increment();
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }
}
