package soc.detect.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import soc.events.EventJson;
import soc.events.TenantDetectionConfig;
import soc.events.Topics;

/**
 * Keeps {@link TenantRuleSettings} up to date from the compacted {@link Topics#DETECT_CONFIG} topic. Every instance
 * reads every partition from the beginning (no consumer group: each needs all tenants' settings), catches up before
 * the event listeners start (so a restarted instance never runs a rule a tenant switched off), then follows changes
 * live.
 */
@Component
class DetectConfigReader implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DetectConfigReader.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private final ConsumerFactory<String, String> consumers;
    private final TenantRuleSettings settings;
    private volatile boolean running;
    private Consumer<String, String> consumer;
    private Thread thread;

    @SuppressWarnings("unchecked")
    DetectConfigReader(ConsumerFactory<?, ?> consumers, TenantRuleSettings settings) {
        this.consumers = (ConsumerFactory<String, String>) consumers;
        this.settings = settings;
    }

    @Override
    public void start() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = consumers.createConsumer(null, "soc-detect-config", null, overrides);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DETECT_CONFIG).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        int applied = 0;
        while (!caughtUp(end) && System.nanoTime() < deadline) {
            applied += apply(consumer.poll(Duration.ofMillis(500)));
        }
        log.info("Tenant detection settings loaded: {} messages from {}{}", applied, Topics.DETECT_CONFIG,
                caughtUp(end) ? "" : " (not caught up within " + CATCH_UP_LIMIT + "; continuing live)");
        running = true;
        thread = new Thread(this::follow, "soc-detect-config");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void follow() {
        try {
            while (running) {
                apply(consumer.poll(Duration.ofSeconds(1)));
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Tenant detection settings reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private int apply(ConsumerRecords<String, String> records) {
        int n = 0;
        for (ConsumerRecord<String, String> record : records) {
            n++;
            try {
                if (record.value() == null) {
                    settings.remove(record.key());
                    continue;
                }
                TenantDetectionConfig config = EventJson.read(record.value(), TenantDetectionConfig.class);
                settings.update(config);
                List<String> problems = settings.customRuleProblems(config.tenantId());
                log.info("Detection settings of tenant {} applied: {} rules off, {} exceptions, {} custom rules{}",
                        config.tenantId(), config.disabledRules().size(), config.exceptions().size(),
                        config.customRules().size(), problems.isEmpty() ? "" : "; not compiled: " + problems);
            } catch (RuntimeException e) {
                log.warn("Unreadable detection settings for key {} at offset {}: {}", record.key(), record.offset(),
                        e.toString());
            }
        }
        return n;
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka listener containers (which start late), so settings are in place before the first event. */
    @Override
    public int getPhase() {
        return 0;
    }
}
