package soc.detect.correlation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The correlation stage as a Kafka Streams application: {@link CorrelationTopics#SIGNALS} (keyed by tenant) through
 * {@link CorrelationProcessor} with a persistent key-value store (key = tenant + correlation + group) whose changes
 * go to a compacted changelog topic, to {@link CorrelationTopics#ALERTS}. Several soc-detect instances share the
 * application id, so partitions (tenants) and their state spread over them and move on failure; a restarted
 * instance restores its state from the changelog before it processes.
 */
public final class CorrelationStream implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CorrelationStream.class);

    private final TenantCorrelations rules;
    private final CorrelationProperties properties;
    private final String bootstrapServers;
    private final short replicas;
    private final MeterRegistry meters;
    private volatile KafkaStreams streams;

    public CorrelationStream(CorrelationRuleSet rules, CorrelationProperties properties, String bootstrapServers,
                             short replicas, MeterRegistry meters) {
        this(TenantCorrelations.platformOnly(rules), properties, bootstrapServers, replicas, meters);
    }

    /** @param rules the platform's correlations and each tenant's own (custom Sigma correlation rules) */
    public CorrelationStream(TenantCorrelations rules, CorrelationProperties properties, String bootstrapServers,
                             short replicas, MeterRegistry meters) {
        this.rules = rules;
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
        this.replicas = replicas;
        this.meters = meters;
    }

    /** The topology: source, processor with its store, sink. */
    public Topology topology() {
        Topology topology = new Topology();
        topology.addSource("signals", Serdes.String().deserializer(), Serdes.String().deserializer(),
                CorrelationTopics.SIGNALS);
        topology.addProcessor("correlate", () -> new CorrelationProcessor(rules, meters), "signals");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CorrelationProcessor.STORE), Serdes.String(), Serdes.String()),
                "correlate");
        topology.addSink("alerts", CorrelationTopics.ALERTS, Serdes.String().serializer(),
                Serdes.String().serializer(), "correlate");
        return topology;
    }

    Properties config() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        String dir = properties.stateDir();
        if (dir == null || dir.isBlank()) {
            try {
                dir = Files.createTempDirectory("soc-detect-correlation-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicas);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        return p;
    }

    @Override
    public synchronized void start() {
        if (streams != null || !properties.enabled()) {
            return;
        }
        KafkaStreams s = new KafkaStreams(topology(), config());
        // a failing record (e.g. the sink unavailable) replaces the thread, which resumes from the last commit
        s.setUncaughtExceptionHandler(e -> {
            log.error("Correlation stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        s.start();
        streams = s;
        log.info("Correlation stream started: {} correlation rules evaluated, {} not evaluated (plus tenants' own)",
                rules.platform().correlations().size(), rules.platform().rejected().size());
    }

    @Override
    public synchronized void stop() {
        KafkaStreams s = streams;
        streams = null;
        if (s != null) {
            s.close(java.time.Duration.ofSeconds(30));
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The Kafka Streams state (RUNNING once restored and processing), or null when stopped. */
    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? null : s.state();
    }
}
