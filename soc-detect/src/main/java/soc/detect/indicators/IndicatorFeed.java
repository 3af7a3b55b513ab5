package soc.detect.indicators;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import soc.events.EventJson;
import soc.events.ThreatIndicator;
import soc.events.Topics;

/**
 * Keeps {@link IndicatorSet} equal to the compacted indicators topic: every instance reads all partitions from the
 * beginning (no consumer group: each instance needs the whole set), then follows new records, so an indicator added
 * or deleted in the web app matches (or stops matching) the next event within about a second, without a restart.
 */
public final class IndicatorFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IndicatorFeed.class);

    private final IndicatorSet indicators;
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public IndicatorFeed(IndicatorSet indicators, String bootstrapServers) {
        this.indicators = indicators;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "soc-detect-indicators-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(p);
        running = true;
        thread = new Thread(this::run, "soc-detect-indicator-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        KafkaConsumer<String, String> c = consumer;
        try {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                List<PartitionInfo> infos = c.partitionsFor(Topics.INDICATORS, Duration.ofSeconds(10));
                partitions = infos == null ? List.of() : infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                if (partitions.isEmpty()) {
                    Thread.sleep(1000);
                }
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            boolean loggedLoad = false;
            while (running) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                Map<String, ThreatIndicator> changes = new HashMap<>();
                for (ConsumerRecord<String, String> r : records) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        changes.put(r.key(), null);
                        continue;
                    }
                    try {
                        changes.put(r.key(), EventJson.read(r.value(), ThreatIndicator.class));
                    } catch (RuntimeException e) {
                        log.warn("Unreadable threat indicator {} skipped: {}", r.key(), e.getMessage());
                    }
                }
                indicators.apply(changes);
                if (!changes.isEmpty() || !loggedLoad) {
                    log.info("Threat indicators: {} live ({} changes)", indicators.size(), changes.size());
                    loggedLoad = true;
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Threat indicator feed stopped", e);
        } finally {
            c.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        consumer = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
