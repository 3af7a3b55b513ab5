package soc.detect.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import soc.detect.DetectApplication;
import soc.events.Alert;
import soc.events.EventJson;
import soc.events.IndexNames;
import soc.events.RawKeys;
import soc.events.SocEvent;
import soc.events.Topics;
import soc.infra.LocalInfra;
import soc.infra.TestInfra;

/**
 * {@link DetectionWorker} writes a batch's alerts while it matches the next batch; this checks the guarantees that
 * overlap must keep on a real Kafka and OpenSearch: while OpenSearch refuses writes (cluster read-only) no alert of
 * the failing batches goes out and their offsets stay uncommitted; once it accepts writes again every alert
 * arrives, once, in the tenant's alert index and on the alerts topic, and the offsets are committed.
 */
class DetectionOutageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void alertsHeldBackWhileOpenSearchRefusesWritesArriveOnceWhenItAcceptsThemAgain() throws Exception {
        String tenant = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        try (Rig rig = Rig.start()) {
            List<Alert> received = rig.firstAlert(tenant, "before");

            RecordMetadata during;
            setClusterReadOnly(rig.os(), true);
            try {
                during = rig.send(tenant, "during-1");
                Thread.sleep(1500); // a later batch, matched while the first one's writes fail
                rig.send(tenant, "during-2");
                // longer than DetectionWorker.PREVIOUS_WAIT: the second batch goes back to the error handler
                Thread.sleep(DetectionWorker.PREVIOUS_WAIT.toMillis() + 3000);
                rig.await(tenant, received, 1, Duration.ofSeconds(1));
                assertThat(received).as("no alert out while OpenSearch refuses them").hasSize(1);
                assertThat(committed(rig.bootstrap(), new TopicPartition(during.topic(),
                        during.partition()))).as("offset of the failing batch not committed")
                        .isLessThanOrEqualTo(during.offset());
            } finally {
                setClusterReadOnly(rig.os(), false);
            }

            rig.await(tenant, received, 3, Duration.ofSeconds(90));
            Thread.sleep(3000);
            rig.await(tenant, received, 4, Duration.ofSeconds(1)); // would catch a duplicate
            assertThat(received).extracting(a -> a.eventIds().get(0))
                    .containsExactlyInAnyOrder(tenant + "-before", tenant + "-during-1", tenant + "-during-2");
            send(HTTP, "POST", rig.os() + "/" + IndexNames.alerts(tenant) + "/_refresh", null);
            assertThat(send(HTTP, "GET", rig.os() + "/" + IndexNames.alerts(tenant) + "/_count", null))
                    .contains("\"count\":3");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (committed(rig.bootstrap(), new TopicPartition(during.topic(), during.partition()))
                    <= during.offset() + 1 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(committed(rig.bootstrap(), new TopicPartition(during.topic(), during.partition())))
                    .as("offsets committed once written").isGreaterThan(during.offset() + 1);
        }
    }

    /**
     * A rebalance while a batch's alert writes are failing: the worker holds the revocation back until they succeed,
     * so the batch is committed before its partition moves, and neither the new owner nor this consumer replays it
     * (which would send its alerts twice). The intruder is a bare consumer joining the detection group.
     */
    @Test
    void batchWrittenDuringARebalanceIsCommittedBeforeItsPartitionMovesAndNotReplayed() throws Exception {
        String tenant = "rebalance-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService intruderThread = Executors.newSingleThreadExecutor();
        // the worker learns of the intruder's join on its next heartbeat: soon, so the timing below is tight
        try (Rig rig = Rig.start("--spring.kafka.consumer.heartbeat-interval=300ms")) {
            List<Alert> received = rig.firstAlert(tenant, "warm-up");
            assertThat(groupState(rig.bootstrap())).isEqualTo(GroupState.STABLE);

            RecordMetadata moved;
            Future<List<String>> intruderSaw;
            setClusterReadOnly(rig.os(), true);
            try {
                moved = rig.send(tenant, "in-flight");
                Thread.sleep(600); // matched; its writes fail and are retried with back-off (0.5 s, 1 s, 2 s, ...)
                intruderSaw = intruderThread.submit(() -> intrude(rig.bootstrap(), tenant));
                awaitGroupState(rig.bootstrap(), GroupState.PREPARING_REBALANCE, Duration.ofSeconds(20));
                Thread.sleep(1500); // the worker is now in its revocation callback, waiting for the writes
            } finally {
                setClusterReadOnly(rig.os(), false);
            }
            assertThat(intruderSaw.get(60, TimeUnit.SECONDS)).as("events the intruder was handed").isEmpty();
            assertThat(committed(rig.bootstrap(), new TopicPartition(moved.topic(), moved.partition())))
                    .as("the in-flight batch committed before its partition moved").isGreaterThan(moved.offset());

            rig.await(tenant, received, 2, Duration.ofSeconds(60));
            Thread.sleep(5000); // the intruder has left: a replay by the worker would show up now
            rig.await(tenant, received, 3, Duration.ofSeconds(1));
            assertThat(received).extracting(a -> a.eventIds().get(0))
                    .containsExactlyInAnyOrder(tenant + "-warm-up", tenant + "-in-flight");
        } finally {
            intruderThread.shutdownNow();
        }
    }

    /**
     * A rebalance while the error handler retries a batch that waits on a previous batch whose writes keep failing:
     * the previous batch is given up and its partition sought back, so the retried batch must not be written either
     * (it is read again with the previous one). Each alert arrives once when OpenSearch accepts writes again.
     */
    @Test
    void batchRetriedAcrossARebalanceIsReadAgainNotWrittenTwice() throws Exception {
        String tenant = "retried-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService intruderThread = Executors.newSingleThreadExecutor();
        try (Rig rig = Rig.start()) {
            List<Alert> received = rig.firstAlert(tenant, "warm-up");

            Future<List<String>> intruded;
            setClusterReadOnly(rig.os(), true);
            try {
                rig.send(tenant, "first");
                Thread.sleep(1500);
                rig.send(tenant, "second"); // waits on the first, then goes to the error handler's retries
                Thread.sleep(DetectionWorker.PREVIOUS_WAIT.toMillis() + 1500);
                intruded = intruderThread.submit(() -> intrude(rig.bootstrap(), tenant));
                awaitGroupState(rig.bootstrap(), GroupState.PREPARING_REBALANCE, Duration.ofSeconds(20));
                // stable again once the worker has given the failing batch up (after PREVIOUS_WAIT)
                awaitGroupState(rig.bootstrap(), GroupState.STABLE, Duration.ofSeconds(60));
                assertThat(received).as("no alert out while OpenSearch refuses them").hasSize(1);
            } finally {
                setClusterReadOnly(rig.os(), false);
            }
            intruded.get(60, TimeUnit.SECONDS); // and left: the partitions come back to the worker

            rig.await(tenant, received, 3, Duration.ofSeconds(90));
            Thread.sleep(5000);
            rig.await(tenant, received, 4, Duration.ofSeconds(1)); // would catch a duplicate
            assertThat(received).extracting(a -> a.eventIds().get(0))
                    .containsExactlyInAnyOrder(tenant + "-warm-up", tenant + "-first", tenant + "-second");
        } finally {
            intruderThread.shutdownNow();
        }
    }

    private static void awaitGroupState(String bootstrap, GroupState state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (groupState(bootstrap) != state && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(groupState(bootstrap)).as("detection group state").isEqualTo(state);
    }

    /** Joins the detection group, takes what the rebalance gives it for a few seconds, commits nothing, leaves. */
    private static List<String> intrude(String bootstrap, String tenant) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "soc-detect");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> intruder = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            intruder.subscribe(List.of(Topics.EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (intruder.assignment().isEmpty() && System.nanoTime() < deadline) {
                collect(intruder.poll(Duration.ofMillis(200)), tenant, seen);
            }
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                collect(intruder.poll(Duration.ofMillis(200)), tenant, seen);
            }
        }
        return seen;
    }

    private static void collect(Iterable<ConsumerRecord<String, String>> records, String tenant, List<String> seen) {
        for (ConsumerRecord<String, String> r : records) {
            if (r.value().contains(tenant)) {
                seen.add(r.value());
            }
        }
    }

    private static GroupState groupState(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            return admin.describeConsumerGroups(List.of("soc-detect")).all().get().get("soc-detect").groupState();
        }
    }

    /** A detection service on the test infrastructure, a producer of events and a consumer of the alerts topic. */
    private record Rig(LocalInfra infra, ConfigurableApplicationContext detect, KafkaProducer<String, String> producer,
                       KafkaConsumer<String, String> alerts) implements AutoCloseable {
        static Rig start(String... extraArguments) {
            TestInfra.kafka();
            LocalInfra infra = TestInfra.openSearch();
            List<String> arguments = new ArrayList<>();
            infra.springProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
            arguments.add("--server.port=0");
            arguments.addAll(List.of(extraArguments));
            ConfigurableApplicationContext detect = DetectApplication.builder().run(arguments.toArray(String[]::new));
            return new Rig(infra, detect, DetectionOutageTest.producer(infra.kafkaBootstrapServers()),
                    alertConsumer(infra.kafkaBootstrapServers()));
        }

        String os() {
            return infra.openSearchUrl();
        }

        String bootstrap() {
            return infra.kafkaBootstrapServers();
        }

        RecordMetadata send(String tenant, String name) throws Exception {
            return DetectionOutageTest.send(producer, tenant, name);
        }

        void await(String tenant, List<Alert> received, int count, Duration timeout) {
            DetectionOutageTest.await(alerts, tenant, received, count, timeout);
        }

        /** Sends a first event and waits for its alert: partitions assigned, the tenant's alert index created. */
        List<Alert> firstAlert(String tenant, String name) throws Exception {
            List<Alert> received = new ArrayList<>();
            send(tenant, name);
            await(tenant, received, 1, Duration.ofSeconds(90));
            return received;
        }

        @Override
        public void close() {
            alerts.close();
            producer.close();
            detect.close();
        }
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String tenant, String name)
            throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(SocEvent.EVENT_ID, tenant + "-" + name);
        event.put(SocEvent.TENANT_ID, tenant);
        event.put(SocEvent.TIMESTAMP, Instant.now().toString());
        event.put("host.name", "h1");
        event.put(SocEvent.MESSAGE, "mimikatz run " + name);
        return producer.send(new ProducerRecord<>(Topics.EVENTS, RawKeys.of(tenant, "h1"), EventJson.write(event)))
                .get();
    }

    private static void await(KafkaConsumer<String, String> consumer, String tenant, List<Alert> received, int count,
                              Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                Alert alert = EventJson.read(r.value(), Alert.class);
                if (alert.tenantId().equals(tenant)) {
                    received.add(alert);
                }
            }
        }
    }

    private static long committed(String bootstrap, TopicPartition partition) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            OffsetAndMetadata at = admin.listConsumerGroupOffsets("soc-detect").partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return at == null ? -1 : at.offset();
        }
    }

    private static void setClusterReadOnly(String os, boolean readOnly) throws Exception {
        String answer = send(HTTP, "PUT", os + "/_cluster/settings",
                "{\"transient\":{\"cluster.blocks.read_only\":" + (readOnly ? "true" : "null") + "}}");
        assertThat(answer).contains("\"acknowledged\":true");
    }

    private static String send(HttpClient http, String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> alertConsumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.ALERTS));
        return consumer;
    }
}
