package soc.cases.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import soc.events.Alert;
import soc.events.DeadLetter;
import soc.events.EventJson;
import soc.events.Topics;
import soc.tenants.scope.TenantScope;

/**
 * Moves alerts from the alerts topic into PostgreSQL. The listener returns only after the batch committed, so
 * offsets are committed after the write: a crash re-delivers, and the alert id keeps re-delivery idempotent.
 * An unreadable message goes to the dead-letter topic with the reason instead of blocking the partition. A poll is
 * written in one transaction with a handful of statements ({@link AlertDeduplication#receiveAll(List)}), by
 * {@link AlertIntakeProperties#concurrency()} consumer threads.
 */
@Component
@EnableConfigurationProperties(AlertIntakeProperties.class)
class AlertIntake {
    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    private final AlertDeduplication dedup;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final Counter received;
    private final Counter rejected;
    private final AlertIntakeProperties properties;

    AlertIntake(PlatformTransactionManager transactionManager, KafkaTemplate<String, String> kafka,
                MeterRegistry meters, AlertDeduplication dedup, AlertIntakeProperties properties) {
        this.properties = properties;
        this.dedup = dedup;
        this.transactions = new TransactionTemplate(transactionManager);
        this.kafka = kafka;
        this.received = Counter.builder("soc.cases.alerts.received").register(meters);
        this.rejected = Counter.builder("soc.cases.alerts.rejected").register(meters);
    }

    /** Consumer threads ({@link AlertIntakeProperties}); read by the listener annotation. */
    public String concurrency() {
        return Integer.toString(properties.concurrency());
    }

    /** Alerts per poll ({@link AlertIntakeProperties}); read by the listener annotation. */
    public String maxPollRecords() {
        return Integer.toString(properties.maxPollRecords());
    }

    @KafkaListener(topics = Topics.ALERTS, groupId = "soc-cases-intake", batch = "true",
            concurrency = "#{__listener.concurrency()}",
            properties = "max.poll.records=#{__listener.maxPollRecords()}")
    void onAlerts(List<ConsumerRecord<String, String>> records) {
        List<Alert> alerts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                alerts.add(EventJson.read(record.value(), Alert.class));
            } catch (RuntimeException e) {
                deadLetter(record, "unreadable alert: " + e.getMessage());
            }
        }
        // the whole poll in one transaction and a handful of statements: new rows, or counts on the open alerts
        // with the same fingerprints
        TenantScope.run(TenantScope.ALL_TENANTS, () -> transactions.executeWithoutResult(
                status -> dedup.receiveAll(alerts)));
        received.increment(alerts.size());
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        rejected.increment();
        log.warn("Alert rejected at offset {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        DeadLetter letter = new DeadLetter(record.key(), null, "cases-intake", reason, record.value(), Instant.now());
        kafka.send(Topics.DEAD_LETTER, record.key(), EventJson.write(letter)).join();
    }
}
