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

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
        TestInfra.kafka();
        LocalInfra infra = TestInfra.openSearch();
        Map<String, String> props = new LinkedHashMap<>(infra.springProperties());
        props.put("server.port", "0");
        String tenant = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String os = infra.openSearchUrl();
        try (ConfigurableApplicationContext detect = DetectApplication.builder()
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
             KafkaProducer<String, String> producer = producer(infra.kafkaBootstrapServers());
             KafkaConsumer<String, String> alerts = alertConsumer(infra.kafkaBootstrapServers())) {
            List<Alert> received = new ArrayList<>();
            send(producer, tenant, "before");
            await(alerts, tenant, received, 1, Duration.ofSeconds(90));

            RecordMetadata during;
            setClusterReadOnly(os, true);
            try {
                during = send(producer, tenant, "during-1");
                Thread.sleep(1500); // a later batch, matched while the first one's writes fail
                send(producer, tenant, "during-2");
                // longer than DetectionWorker.PREVIOUS_WAIT: the second batch goes back to the error handler
                Thread.sleep(DetectionWorker.PREVIOUS_WAIT.toMillis() + 3000);
                await(alerts, tenant, received, 1, Duration.ofSeconds(1));
                assertThat(received).as("no alert out while OpenSearch refuses them").hasSize(1);
                assertThat(committed(infra.kafkaBootstrapServers(), new TopicPartition(during.topic(),
                        during.partition()))).as("offset of the failing batch not committed")
                        .isLessThanOrEqualTo(during.offset());
            } finally {
                setClusterReadOnly(os, false);
            }

            await(alerts, tenant, received, 3, Duration.ofSeconds(90));
            Thread.sleep(3000);
            await(alerts, tenant, received, 4, Duration.ofSeconds(1)); // would catch a duplicate
            assertThat(received).extracting(a -> a.eventIds().get(0))
                    .containsExactlyInAnyOrder(tenant + "-before", tenant + "-during-1", tenant + "-during-2");
            send(HTTP, "POST", os + "/" + IndexNames.alerts(tenant) + "/_refresh", null);
            assertThat(send(HTTP, "GET", os + "/" + IndexNames.alerts(tenant) + "/_count", null))
                    .contains("\"count\":3");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (committed(infra.kafkaBootstrapServers(), new TopicPartition(during.topic(), during.partition()))
                    <= during.offset() + 1 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(committed(infra.kafkaBootstrapServers(), new TopicPartition(during.topic(), during.partition())))
                    .as("offsets committed once written").isGreaterThan(during.offset() + 1);
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
