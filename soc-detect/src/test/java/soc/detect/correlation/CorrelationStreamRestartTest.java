package soc.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.EventJson;
import soc.events.SocEvent;
import soc.infra.TestInfra;

/**
 * With a real Kafka broker: the correlation window state survives a restart of the stream. Six failed logons go in,
 * the stream is stopped and started again with an empty local state directory (as on a new instance), four more go
 * in: the password spray (ten accounts) fires only if the first six were restored from the changelog topic.
 */
class CorrelationStreamRestartTest {

    @Test
    void windowStateSurvivesARestartOnAFreshInstance() throws Exception {
        String bootstrap = TestInfra.kafka().kafkaBootstrapServers();
        createTopics(bootstrap);
        SigmaEngine engine = CorrelationRuleSetTest.packs();
        CorrelationRuleSet rules = CorrelationRuleSet.of(engine, 300_000, 1000);
        CorrelationProperties properties = new CorrelationProperties(true, "it-correlation-" + UUID.randomUUID(), "",
                Duration.ofMinutes(5), 1000, Duration.ofMillis(200));
        String tenant = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().minusSeconds(600);

        SimpleMeterRegistry meters1 = new SimpleMeterRegistry();
        CorrelationStream first = new CorrelationStream(rules, properties, bootstrap, (short) 1, meters1);
        first.start();
        try {
            awaitRunning(first);
            send(bootstrap, engine, rules, tenant, t0, 0, 6);
            // each failed logon feeds both the spray and the brute-force correlation
            await(() -> meters1.counter("soc.detect.correlation.signals", "verdict", "accepted").count() >= 12,
                    "six events' signals processed before the restart");
        } finally {
            first.stop();
        }
        assertThat(readAlerts(bootstrap, tenant, Duration.ofSeconds(2))).as("no spray after six accounts").isEmpty();

        SimpleMeterRegistry meters2 = new SimpleMeterRegistry();
        CorrelationStream second = new CorrelationStream(rules, properties, bootstrap, (short) 1, meters2);
        second.start();
        try {
            awaitRunning(second);
            send(bootstrap, engine, rules, tenant, t0, 6, 10);
            List<Alert> alerts = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (alerts.isEmpty() && System.nanoTime() < deadline) {
                alerts = readAlerts(bootstrap, tenant, Duration.ofSeconds(2));
            }
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).ruleTitle()).isEqualTo("Password Spray - One Source, Many Accounts");
            assertThat(alerts.get(0).eventIds()).hasSize(10).contains(tenant + "-0", tenant + "-9");
            assertThat(meters2.counter("soc.detect.correlation.signals", "verdict", "accepted").count())
                    .as("only the new events' signals were processed after the restart").isEqualTo(8);
        } finally {
            second.stop();
        }
    }

    /**
     * value_percentile through the stream, as a tenant's own correlation (custom Sigma YAML) over its own rule: 99
     * ordinary process starts on a host, then one whose image makes up 1% of the host's day. The processor finds the
     * tenant's correlation, keeps the window in the store and alerts once, for the rare image only.
     */
    @Test
    void aTenantsValuePercentileCorrelationFlagsARareProcessThroughTheStream() throws Exception {
        String bootstrap = TestInfra.kafka().kafkaBootstrapServers();
        createTopics(bootstrap);
        String tenant = "pct-" + UUID.randomUUID().toString().substring(0, 8);
        soc.detect.config.TenantRuleSettings settings = new soc.detect.config.TenantRuleSettings(Map.of());
        settings.update(new soc.events.TenantDetectionConfig(tenant, java.util.Set.of(), List.of(), List.of(
                new soc.events.TenantDetectionConfig.CustomRule("p1", """
                        title: Process Started
                        id: 0d3c6f1e-2b4a-4c5d-8e7f-901a2b3c4d01
                        name: tenant_process_started
                        logsource: {product: windows, category: process_creation}
                        detection:
                          selection:
                            Image|exists: true
                          condition: selection
                        ---
                        title: Rare Process On A Host
                        id: 0d3c6f1e-2b4a-4c5d-8e7f-901a2b3c4d02
                        author: Aberhafren IT
                        level: medium
                        correlation:
                          type: value_percentile
                          rules: [tenant_process_started]
                          group-by: [Computer]
                          timespan: 24h
                          condition: {field: Image, lte: 1}
                        """)), Instant.now()));
        SigmaEngine platform = CorrelationRuleSetTest.packs();
        TenantCorrelations rules = new TenantCorrelations(CorrelationRuleSet.of(platform, 300_000, 1000), platform,
                settings, 300_000, 1000);
        CorrelationProperties properties = new CorrelationProperties(true, "it-percentile-" + UUID.randomUUID(), "",
                Duration.ofMinutes(5), 1000, Duration.ofMillis(200));
        Instant t0 = Instant.now().minus(Duration.ofHours(3));
        List<CorrelationSignal> signals = new ArrayList<>();
        SigmaEngine own = settings.custom(tenant);
        for (int i = 0; i < 100; i++) {
            String image = i == 99 ? "C:\\Users\\Public\\rclone.exe"
                    : new String[] {"C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\explorer.exe",
                            "C:\\Program Files\\Google\\Chrome\\chrome.exe"}[i % 3];
            SocEvent event = SocEvent.of(Map.of(SocEvent.EVENT_ID, tenant + "-" + i, SocEvent.TENANT_ID, tenant,
                    SocEvent.TIMESTAMP, t0.plusSeconds(60L * i).toString(),
                    "winlog.channel", "Microsoft-Windows-Sysmon/Operational", "winlog.event_id", 1,
                    "winlog.computer_name", "WS-017.council.local", "winlog.event_data.Image", image));
            for (CompiledRule rule : own.match(event)) {
                signals.addAll(rules.signals(rule, event));
            }
        }
        assertThat(signals).hasSize(100);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CorrelationStream stream = new CorrelationStream(rules, properties, bootstrap, (short) 1, meters);
        stream.start();
        try {
            awaitRunning(stream);
            send(bootstrap, signals);
            List<Alert> alerts = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (alerts.isEmpty() && System.nanoTime() < deadline) {
                alerts = readAlerts(bootstrap, tenant, Duration.ofSeconds(2));
            }
            await(() -> meters.counter("soc.detect.correlation.signals", "verdict", "accepted").count() >= 100,
                    "all signals processed");
            alerts = readAlerts(bootstrap, tenant, Duration.ofSeconds(2));
            assertThat(alerts).hasSize(1);
            Alert alert = alerts.get(0);
            assertThat(alert.ruleTitle()).isEqualTo("Rare Process On A Host");
            assertThat(alert.eventIds()).containsExactly(tenant + "-99");
            assertThat(alert.keyFields()).containsEntry("Computer", "WS-017.council.local")
                    .containsEntry("correlation.type", "value_percentile").containsEntry("correlation.value", "1")
                    .containsEntry("correlation.distinct.Image", "C:\\Users\\Public\\rclone.exe");
        } finally {
            stream.stop();
        }
    }

    static void send(String bootstrap, List<CorrelationSignal> signals) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (CorrelationSignal s : signals) {
                producer.send(new ProducerRecord<>(CorrelationTopics.SIGNALS, null, s.time(), s.tenantId(),
                        EventJson.write(s))).get();
            }
        }
    }

    private static void send(String bootstrap, SigmaEngine engine, CorrelationRuleSet rules, String tenant,
                             Instant t0, int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = from; i < to; i++) {
                SocEvent event = CorrelationRuleSetTest.failedLogon(tenant, tenant + "-" + i, t0.plusSeconds(10L * i),
                        "user" + i, "203.0.113.99");
                for (CompiledRule rule : engine.match(event)) {
                    for (CorrelationSignal s : rules.signals(rule, event)) {
                        producer.send(new ProducerRecord<>(CorrelationTopics.SIGNALS, null, s.time(), s.tenantId(),
                                EventJson.write(s))).get();
                    }
                }
            }
        }
    }

    static List<Alert> readAlerts(String bootstrap, String tenant, Duration time) {
        List<Alert> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(CorrelationTopics.ALERTS));
            long deadline = System.nanoTime() + time.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (tenant.equals(r.key())) {
                        out.add(EventJson.read(r.value(), Alert.class));
                    }
                }
            }
        }
        return out;
    }

    static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of(CorrelationTopics.SIGNALS, CorrelationTopics.ALERTS)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    static void awaitRunning(CorrelationStream stream) throws InterruptedException {
        await(() -> stream.state() == KafkaStreams.State.RUNNING, "stream running");
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
