package soc.ingest.collect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import soc.ingest.edge.RawPublisher;
import soc.ingest.pipeline.DeadLetters;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceActivity;
import soc.tenants.sources.SourceIdentity;
import soc.tenants.sources.SourceService;

/**
 * Direct Kafka ingest for tenants' own collectors (Vector, Fluent Bit, Winlogbeat...): each tenant writes to its
 * own topic {@code soc.collect.<tenant>.v1}, one event per record, with the header {@value #SOURCE_HEADER} naming
 * one of that tenant's registered sources. The topic proves the tenant — Kafka ACLs give each tenant's collector
 * write access to its own topic only — and the source must belong to it. Accepted records join the raw topic
 * like HTTP and syslog input; anything else is dead-lettered with the reason.
 */
@Component
class CollectorTopics {
    static final String TOPIC_PATTERN = "soc\\.collect\\.([a-z0-9][a-z0-9-]{1,39})\\.v1";
    static final String SOURCE_HEADER = "soc-source";
    static final String STAGE = "kafka-collect";
    private static final Pattern TOPIC = Pattern.compile(TOPIC_PATTERN);
    private static final Duration SOURCE_CACHE = Duration.ofSeconds(30);

    private final RawPublisher publisher;
    private final DeadLetters deadLetters;
    private final SourceService sources;
    private final SourceActivity activity;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    CollectorTopics(RawPublisher publisher, DeadLetters deadLetters, SourceService sources, SourceActivity activity) {
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.sources = sources;
        this.activity = activity;
    }

    /** New tenant topics are found within the metadata refresh interval (10 s). */
    @KafkaListener(topicPattern = TOPIC_PATTERN, groupId = "soc-ingest-collect", batch = "true",
            properties = {"metadata.max.age.ms=10000",
                    "key.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"})
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        List<CompletableFuture<?>> writes = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            writes.add(accept(record));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<?> accept(ConsumerRecord<byte[], byte[]> record) {
        Matcher topic = TOPIC.matcher(record.topic());
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String preview = new String(value, 0, Math.min(value.length, RawPublisher.PREVIEW_BYTES), StandardCharsets.UTF_8);
        if (!topic.matches()) {
            return publisher.rejectUnattributed(STAGE, "not a collector topic: " + record.topic(), preview);
        }
        String tenant = topic.group(1);
        Header header = record.headers().lastHeader(SOURCE_HEADER);
        String sourceId = header == null ? null : new String(header.value(), StandardCharsets.UTF_8).trim();
        Optional<SourceIdentity> source = sourceId == null ? Optional.empty() : source(tenant, sourceId);
        if (source.isEmpty()) {
            return deadLetters.send(tenant, sourceId, STAGE, sourceId == null
                    ? "record without the '" + SOURCE_HEADER + "' header naming a registered source"
                    : "source '" + sourceId + "' is not a registered source of tenant " + tenant, preview);
        }
        RawPublisher.Line line = publisher.decode(value, 0, value.length);
        if (!line.accepted()) {
            return publisher.reject(source.get(), STAGE, line.problem(), line.text());
        }
        Instant receivedAt = Instant.now();
        activity.seen(source.get().sourceId(), receivedAt);
        return publisher.publish(source.get(), "kafka", source.get().format(), receivedAt, line.text())
                .thenRun(() -> publisher.countAccepted(tenant, "kafka", 1));
    }

    /** The tenant's source by id, looked up in that tenant's scope (another tenant's source is never found). */
    private Optional<SourceIdentity> source(String tenant, String sourceId) {
        UUID id;
        try {
            id = UUID.fromString(sourceId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String key = tenant + "/" + id;
        Cached cached = cache.get(key);
        if (cached != null && cached.expires.isAfter(now)) {
            return cached.identity;
        }
        Optional<SourceIdentity> identity = TenantScope.call(tenant, () -> sources.forTenant(tenant).stream()
                .filter(s -> s.getId().equals(id)).findFirst()
                .map(CollectorTopics::identityOf));
        cache.put(key, new Cached(identity, now.plus(SOURCE_CACHE)));
        return identity;
    }

    private static SourceIdentity identityOf(Source source) {
        return new SourceIdentity(source.getTenantId(), source.getId(), source.getFormat());
    }

    private record Cached(Optional<SourceIdentity> identity, Instant expires) {
    }
}
