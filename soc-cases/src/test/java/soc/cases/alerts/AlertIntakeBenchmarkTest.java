package soc.cases.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.events.Alert;
import soc.events.EventJson;
import soc.events.Severity;
import soc.events.Topics;
import soc.infra.LocalInfra;
import soc.infra.TestInfra;
import soc.tenants.scope.TenantScope;

/**
 * The alert intake benchmark of docs/benchmarks.md ("Alert intake"): N alert messages (default 200k) over 20 tenants
 * are produced to the real alerts topic ({@link Topics#ALERTS}, 6 partitions, keyed by tenant like the detection
 * service does) of a real Kafka broker, then the real intake listener ({@link AlertIntake}, the production
 * {@code @KafkaListener} container with soc-web's consumer settings and {@link AlertIntakeProperties}' defaults) is
 * started and drains the backlog into the real
 * PostgreSQL with deduplication. The mix: 70% alerts with a new fingerprint, 30% repeats of an open fingerprint of the
 * same tenant within the 15-minute window (counted, not a new row), plus 1% re-deliveries of an alert id already
 * sent (must not count at all).
 *
 * <p>Measured: sustained alerts/s from the first to the last committed occurrence (the {@code received_at} of
 * {@code alert_occurrence}, written for every alert claimed), and the wall time from the listener's start. Checked:
 * the counts are exact (one row per distinct fingerprint, and the rows' occurrence counts add up to the distinct
 * alerts produced). Goal: at least 5,000 alerts/s. Slow, so only with {@code -Dsoc.bench=true}:
 * {@code ./mvnw -B -o -pl soc-cases test -Dtest=AlertIntakeBenchmarkTest -Dsoc.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dsoc.bench.intake.alerts=N} for another size).
 */
@SpringBootTest(properties = {
        // soc-web.yml's consumer settings: the production intake path (the intake's own threads and poll size come
        // from AlertIntakeProperties, defaults unless -Dsoc.cases.alerts.intake.concurrency=... etc.)
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "spring.kafka.consumer.max-poll-records=500",
        "spring.kafka.listener.ack-mode=batch",
        "spring.kafka.producer.acks=all",
        // started by the test once the backlog is in the topic
        "spring.kafka.listener.auto-startup=false",
        // the time of each statement of a poll: -Dsoc.bench.intake.log=debug
        "logging.level.soc.cases.alerts.AlertDeduplication=${soc.bench.intake.log:info}"})
@EnabledIfSystemProperty(named = "soc.bench", matches = "true")
class AlertIntakeBenchmarkTest {
    private static final int MESSAGES = Integer.getInteger("soc.bench.intake.alerts", 200_000);
    private static final int TENANTS = 20;
    private static final double GOAL = 5_000;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.postgres();
        LocalInfra infra = TestInfra.kafka();
        infra.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.flyway.placeholders.appRole", infra::appUser);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void intakeSustainsFiveThousandAlertsPerSecondWithExactCounts() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            tenants.add("bench-in-" + run + "-" + t);
        }
        TenantScope.run(TenantScope.ALL_TENANTS, () -> tenants.forEach(tenant -> jdbc.sql(
                        "insert into tenant (tenant_id, name, kind, region) values (:id, :id, 'OTHER', 'Wales')")
                .param("id", tenant).update()));

        // the messages, deterministic: per tenant in order, so the expected outcome of each is known
        Random random = new Random(42);
        Instant base = Instant.now().minus(Duration.ofMinutes(5));
        List<List<String>> fingerprints = new ArrayList<>();
        tenants.forEach(t -> fingerprints.add(new ArrayList<>()));
        List<Alert> sent = new ArrayList<>(MESSAGES);
        List<String> payloads = new ArrayList<>(MESSAGES);
        Set<String> distinctIds = new HashSet<>();
        int newFingerprints = 0;
        for (int i = 0; i < MESSAGES; i++) {
            int t = random.nextInt(TENANTS);
            String tenant = tenants.get(t);
            List<String> seen = fingerprints.get(t);
            double dice = random.nextDouble();
            if (dice < 0.01 && !sent.isEmpty()) {
                // a re-delivery of an alert already sent (same id): must change nothing
                Alert again = sent.get(random.nextInt(sent.size()));
                sent.add(again);
                payloads.add(EventJson.write(again));
                continue;
            }
            String fingerprint;
            if (dice < 0.31 && !seen.isEmpty()) {
                fingerprint = seen.get(random.nextInt(seen.size())); // a repeat of an open fingerprint
            } else {
                fingerprint = tenant + "-fp-" + seen.size();
                seen.add(fingerprint);
                newFingerprints++;
            }
            // within 5 minutes: every repeat is inside the 15-minute window of its open alert
            Instant time = base.plusMillis(i * 300_000L / MESSAGES);
            Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
            Alert alert = new Alert(tenant + "-a-" + i, tenant, "rule-" + (i % 50), "Bench rule " + (i % 50), "bench",
                    severity, List.of("T" + (1000 + i % 40)), List.of("event-" + i),
                    Map.of("host.name", "host-" + random.nextInt(5000), "source.ip", "10.0." + random.nextInt(250) + ".1"),
                    fingerprint, time, time);
            sent.add(alert);
            payloads.add(EventJson.write(alert));
            distinctIds.add(alert.alertId());
        }

        String bootstrap = TestInfra.kafka().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.ALERTS, 6, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producerProps.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> writes = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                writes.add(producer.send(new ProducerRecord<>(Topics.ALERTS, sent.get(i).tenantId(), payloads.get(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> write : writes) {
                write.get();
            }
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("produced %,d alert messages (%,d distinct ids, %,d fingerprints) in %.1f s%n",
                sent.size(), distinctIds.size(), newFingerprints, produceSeconds);

        // the production listener container drains the backlog
        MessageListenerContainer intake = listeners.getListenerContainers().stream()
                .filter(c -> "soc-cases-intake".equals(c.getGroupId())).findFirst().orElseThrow();
        long start = System.nanoTime();
        intake.start();
        String like = "bench-in-" + run + "-%";
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long claimed = 0;
        while (claimed < distinctIds.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            claimed = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                    "select count(*) from alert_occurrence where tenant_id like :t").param("t", like)
                    .query(Long.class).single());
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(3000); // re-deliveries at the tail must change nothing either
        intake.stop();

        record Totals(long rows, long occurrences, double seconds) {
        }
        Totals totals = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql("""
                        select (select count(*) from alert where tenant_id like :t) as rows,
                               (select coalesce(sum(occurrences), 0) from alert where tenant_id like :t) as occurrences,
                               (select extract(epoch from max(received_at) - min(received_at))
                                  from alert_occurrence where tenant_id like :t) as seconds
                        """).param("t", like)
                .query((rs, n) -> new Totals(rs.getLong("rows"), rs.getLong("occurrences"), rs.getDouble("seconds")))
                .single());
        double rate = distinctIds.size() / totals.seconds();
        double messageRate = sent.size() / totals.seconds();
        System.out.printf("""
                        ALERT INTAKE: %,d messages (%,d distinct alerts, %,d re-deliveries) over %d tenants
                          first to last committed occurrence: %.1f s -> %,.0f alerts/s (%,.0f messages/s), %.2fx the %,.0f/s goal
                          listener start to last commit (incl. partition assignment): %.1f s -> %,.0f alerts/s
                          rows %,d (expected %,d), sum of occurrences %,d (expected %,d)
                        """, sent.size(), distinctIds.size(), sent.size() - distinctIds.size(), TENANTS,
                totals.seconds(), rate, messageRate, rate / GOAL, GOAL, wallSeconds, distinctIds.size() / wallSeconds,
                totals.rows(), newFingerprints, totals.occurrences(), distinctIds.size());

        assertThat(claimed).as("every distinct alert claimed").isEqualTo(distinctIds.size());
        assertThat(totals.rows()).as("one row per distinct fingerprint").isEqualTo(newFingerprints);
        assertThat(totals.occurrences()).as("rows' occurrence counts add up to the distinct alerts")
                .isEqualTo(distinctIds.size());
        assertThat(rate).as("sustained alerts/s").isGreaterThanOrEqualTo(GOAL);
    }
}
