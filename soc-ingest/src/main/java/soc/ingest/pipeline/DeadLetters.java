package soc.ingest.pipeline;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import soc.events.DeadLetter;
import soc.events.EventJson;
import soc.events.Topics;

/** Publishes rejected input, with the stage and the reason, to the dead-letter topic. */
@Component
public class DeadLetters {
    /** Dead-letter key and metric tag of input that no tenant's source could be found for. */
    public static final String UNATTRIBUTED = "unattributed";

    private final KafkaTemplate<String, String> kafka;
    private final MeterRegistry meters;

    DeadLetters(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    /** Sends a dead letter; with no tenant (an unknown sender) it is keyed and counted as {@value #UNATTRIBUTED}. */
    public CompletableFuture<SendResult<String, String>> send(String tenantId, String sourceId, String stage,
                                                               String reason, String original) {
        String key = tenantId == null ? UNATTRIBUTED : tenantId;
        meters.counter("soc.ingest.rejected", "tenant", key, "stage", stage).increment();
        DeadLetter letter = new DeadLetter(tenantId, sourceId, stage, reason, original, Instant.now());
        return kafka.send(Topics.DEAD_LETTER, key, EventJson.write(letter));
    }
}
