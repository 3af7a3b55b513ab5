package soc.detect.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import soc.detect.opensearch.AlertIndexer;
import soc.events.Alert;
import soc.events.EventJson;
import soc.events.Topics;

/**
 * Correlation alerts take the same way out as every other alert: the tenant's alert index, then the alerts topic,
 * before the offsets are committed (failures retry the batch). Alert ids are deterministic, so a retry overwrites.
 */
public class CorrelationAlertForwarder {
    private static final Logger log = LoggerFactory.getLogger(CorrelationAlertForwarder.class);
    private final AlertIndexer indexer;
    private final KafkaTemplate<String, String> kafka;

    public CorrelationAlertForwarder(AlertIndexer indexer, KafkaTemplate<String, String> kafka) {
        this.indexer = indexer;
        this.kafka = kafka;
    }

    @KafkaListener(topics = CorrelationTopics.ALERTS, groupId = "soc-detect-correlation-alerts", batch = "true")
    void onAlerts(List<ConsumerRecord<String, String>> records) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                alerts.add(EventJson.read(record.value(), Alert.class));
            } catch (RuntimeException e) {
                log.warn("Unreadable correlation alert skipped at {}@{}: {}", record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        indexer.index(alerts);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (Alert alert : alerts) {
            writes.add(kafka.send(Topics.ALERTS, alert.tenantId(), EventJson.write(alert)));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }
}
