package soc.ingest.edge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import soc.events.EventJson;
import soc.events.RawEnvelope;
import soc.events.RawKeys;
import soc.events.Topics;
import soc.ingest.IngestProperties;
import soc.ingest.pipeline.DeadLetters;
import soc.tenants.sources.SourceIdentity;

/**
 * What every ingest edge (HTTP, syslog) does with a received line: check its size and encoding, wrap it in a
 * {@link RawEnvelope} for the raw topic keyed by tenant and source ({@link RawKeys}), or dead-letter it with a reason.
 */
@Component
public class RawPublisher {
    /** How much of an oversized line the dead letter keeps. */
    public static final int PREVIEW_BYTES = 4096;

    private final KafkaTemplate<String, String> kafka;
    private final DeadLetters deadLetters;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    RawPublisher(KafkaTemplate<String, String> kafka, DeadLetters deadLetters, IngestProperties properties,
                 MeterRegistry meters) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
    }

    /** A received line: its text, or the reason it is refused (then {@code text} is what the dead letter keeps). */
    public record Line(String text, String problem) {
        public boolean accepted() {
            return problem == null;
        }
    }

    /** Checks a line's size ({@code soc.ingest.max-line-bytes}) and that it is valid UTF-8. */
    public Line decode(byte[] bytes, int offset, int length) {
        if (length > properties.maxLineBytes()) {
            return new Line(new String(bytes, offset, Math.min(length, PREVIEW_BYTES), StandardCharsets.UTF_8),
                    "line of " + length + " bytes exceeds the limit of " + properties.maxLineBytes() + " bytes");
        }
        try {
            return new Line(decodeUtf8(bytes, offset, length), null);
        } catch (CharacterCodingException e) {
            return new Line(new String(bytes, offset, length, StandardCharsets.UTF_8), "line is not valid UTF-8");
        }
    }

    public int maxLineBytes() {
        return properties.maxLineBytes();
    }

    /**
     * Sends an accepted line to the raw topic, keyed {@code <tenant>/<source>} so that a tenant's sources spread over
     * the partitions while each source keeps its order; the future completes when Kafka acknowledged it.
     */
    public CompletableFuture<SendResult<String, String>> publish(SourceIdentity source, String transport, String format,
                                                                 Instant receivedAt, String text) {
        RawEnvelope raw = new RawEnvelope(UUID.randomUUID().toString(), source.tenantId(),
                source.sourceId().toString(), receivedAt, transport, format, text);
        return kafka.send(Topics.RAW, RawKeys.of(source.tenantId(), raw.sourceId()), EventJson.write(raw));
    }

    /** Dead-letters a refused line of a known source (counted in {@code soc.ingest.rejected}). */
    public CompletableFuture<SendResult<String, String>> reject(SourceIdentity source, String stage, String reason,
                                                                String original) {
        return deadLetters.send(source.tenantId(), source.sourceId().toString(), stage, reason, original);
    }

    /** Dead-letters a line no source could be found for: no tenant, keyed {@value DeadLetters#UNATTRIBUTED}. */
    public CompletableFuture<SendResult<String, String>> rejectUnattributed(String stage, String reason, String original) {
        return deadLetters.send(null, null, stage, reason, original);
    }

    /** Counts accepted lines in {@code soc.ingest.accepted{tenant,transport}}. */
    public void countAccepted(String tenantId, String transport, int count) {
        meters.counter("soc.ingest.accepted", "tenant", tenantId, "transport", transport).increment(count);
    }

    private static String decodeUtf8(byte[] body, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body, offset, length)).toString();
    }
}
