package soc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import soc.events.DeadLetter;
import soc.events.EventJson;
import soc.events.IndexNames;
import soc.events.Topics;

/**
 * A tenant's collector produces straight to its own topic {@code soc.collect.<tenant>.v1} with the source id in a
 * header: the event is normalised into that tenant's index; a record naming another tenant's source is refused
 * with the reason.
 */
class CollectorTopicsIntegrationTest extends IngestServiceIntegrationTest {

    @Test
    void recordsOnATenantsCollectorTopicAreIngestedAndForeignSourcesRefused() throws Exception {
        String tenant = "col-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "col-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.tenantWithToken(tenant);
        tenants.tenantWithToken(other);
        String mySource = tenants.sourceIdOf(tenant);
        String foreignSource = tenants.sourceIdOf(other);
        String topic = "soc.collect." + tenant + ".v1";
        Map<String, Object> config = Map.of("bootstrap.servers", INFRA.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> good = new ProducerRecord<>(topic, "fw01",
                    "<34>1 2026-11-23T10:00:00Z fw01 sshd 77 - - collector says " + marker);
            good.headers().add("soc-source", mySource.getBytes(StandardCharsets.UTF_8));
            ProducerRecord<String, String> foreign = new ProducerRecord<>(topic, "fw01", "sneaky " + marker);
            foreign.headers().add("soc-source", foreignSource.getBytes(StandardCharsets.UTF_8));
            producer.send(good).get();
            producer.send(foreign).get();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long found = 0;
        while (found == 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = count(IndexNames.eventsPattern(tenant), marker);
        }
        assertThat(found).isEqualTo(1);
        assertThat(count(IndexNames.eventsPattern(other), marker)).isZero();

        DeadLetter refused = deadLetterOf(tenant);
        assertThat(refused.stage()).isEqualTo("kafka-collect");
        assertThat(refused.reason()).contains(foreignSource).contains("not a registered source of tenant " + tenant);
    }

    private static DeadLetter deadLetterOf(String tenant) {
        Map<String, Object> config = Map.of("bootstrap.servers", INFRA.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (tenant.equals(record.key())) {
                        return EventJson.read(record.value(), DeadLetter.class);
                    }
                }
            }
        }
        throw new AssertionError("no dead letter for " + tenant);
    }

}
