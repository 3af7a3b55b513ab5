package soc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import soc.events.IndexNames;

/**
 * The ingest service alone on real PostgreSQL, Kafka and OpenSearch: a line posted with a valid token ends up
 * normalised in the tenant's OpenSearch index.
 */
class IngestPipelineIntegrationTest extends IngestServiceIntegrationTest {

    @Test
    void postedSyslogLineIsNormalisedIntoTheTenantsIndex() throws Exception {
        String tenant = "ing-" + UUID.randomUUID().toString().substring(0, 8);
        String token = tenants.tenantWithToken(tenant);
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("<34>1 2026-11-23T10:00:00Z fw01 sshd 77 - - failed password " + marker))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long found = 0;
        while (found == 0 && System.nanoTime() < deadline) {
            Thread.sleep(300);
            found = count(IndexNames.eventsPattern(tenant), marker);
        }
        assertThat(found).isEqualTo(1);

        // on the raw topic the line is keyed <tenant>/<source>: a tenant's sources spread over partitions
        assertThat(rawKeyOf(marker)).isEqualTo(tenant + "/" + tenants.sourceIdOf(tenant));
    }

    private static String rawKeyOf(String marker) {
        java.util.Map<String, Object> config = java.util.Map.of("bootstrap.servers", INFRA.kafkaBootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                             new org.apache.kafka.common.serialization.StringDeserializer(),
                             new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(java.util.List.of(soc.events.Topics.RAW));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(marker)) {
                        return record.key();
                    }
                }
            }
        }
        throw new AssertionError("no raw record with " + marker);
    }

}
