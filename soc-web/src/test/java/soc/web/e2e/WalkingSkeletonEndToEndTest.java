package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertRow;
import soc.events.DeadLetter;
import soc.events.EventJson;
import soc.events.IndexNames;
import soc.events.Severity;
import soc.events.Topics;
import soc.tenants.scope.TenantScope;

/** The walking skeleton through real PostgreSQL, Kafka and OpenSearch: ingest API -> ... -> analyst queue. */
class WalkingSkeletonEndToEndTest {
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void eventPostedToTheIngestApiBecomesAnAlertInTheQueueAndBothAreSearchable() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("e2e");
        String token = platform.newTenantWithToken(tenant, "auto");
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String line = "<13>1 2026-11-23T10:15:00.000Z ws042.council.example cmd 4242 - - user ran mimikatz.exe "
                + "sekurlsa::logonpasswords " + marker;

        long postedAt = System.nanoTime();
        HttpResponse<String> response = Http.ingest(platform.ingestUrl(), token, "text/plain", line);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Http.json(response)).containsEntry("accepted", 1).containsEntry("rejected", 0);

        List<AlertRow> alerts = Await.until(() -> queueOf(tenant), rows -> !rows.isEmpty(), "alert in the queue");
        System.out.printf("walking skeleton: event-to-queue latency %d ms%n",
                Duration.ofNanos(System.nanoTime() - postedAt).toMillis());
        AlertRow alert = alerts.get(0);
        assertThat(alert.tenantId()).isEqualTo(tenant);
        assertThat(alert.ruleTitle()).isEqualTo("Credential dumping tool mentioned");
        assertThat(alert.ruleAuthor()).isEqualTo("SOC platform team");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.techniques()).containsExactly("T1003");
        assertThat(alert.keyFieldsJson()).contains(marker).contains("ws042.council.example");

        String os = platform.infra.openSearchUrl();
        assertThat(Http.count(os, IndexNames.eventsPattern(tenant), "\"" + marker + "\"")).isEqualTo(1);
        assertThat(Http.count(os, IndexNames.eventsPattern(tenant), "host.hostname:\"ws042.council.example\""))
                .isEqualTo(1);
        assertThat(Http.count(os, IndexNames.alerts(tenant), "ruleId:\"soc-builtin-credential-dumping-tool\""))
                .isEqualTo(1);
    }

    @Test
    void tenantsNeverSeeEachOthersAlertsInTheQueue() throws Exception {
        String mine = RunningPlatform.uniqueTenant("mine");
        String theirs = RunningPlatform.uniqueTenant("theirs");
        String myToken = platform.newTenantWithToken(mine, "auto");
        platform.newTenantWithToken(theirs, "auto");

        Http.ingest(platform.ingestUrl(), myToken, "text/plain", "<13>1 - host1 app - - - mimikatz seen");
        Await.until(() -> queueOf(mine), rows -> !rows.isEmpty(), "alert of " + mine);

        // row-level security alone, without the service's tenant filter: the other tenant's scope sees nothing
        List<AlertRow> asTheirs = TenantScope.call(theirs, () -> platform.webBean(AlertQueue.class).firstPage(null));
        assertThat(asTheirs).isEmpty();
        List<AlertRow> asMine = TenantScope.call(mine, () -> platform.webBean(AlertQueue.class).firstPage(null));
        assertThat(asMine).isNotEmpty().allSatisfy(row -> assertThat(row.tenantId()).isEqualTo(mine));
        // no scope at all: no rows (default deny)
        assertThat(platform.webBean(AlertQueue.class).firstPage(null)).isEmpty();
    }

    @Test
    void malformedLinesAreRejectedWithTheirReasonAndLandOnTheDeadLetterTopic() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("bad");
        String token = platform.newTenantWithToken(tenant, "json");
        String body = "{\"message\":\"fine\",\"host\":\"h1\"}\n{\"broken\": \n\n{\"also\":\"fine\"}";

        HttpResponse<String> response = Http.ingest(platform.ingestUrl(), token, "application/x-ndjson", body);

        assertThat(response.statusCode()).isEqualTo(202);
        Map<String, Object> result = Http.json(response);
        assertThat(result).containsEntry("accepted", 2).containsEntry("rejected", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rejections = (List<Map<String, Object>>) result.get("rejections");
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("line", 2);
            assertThat((String) r.get("reason")).startsWith("Not a JSON object");
        });

        List<DeadLetter> letters = deadLettersOf(tenant, 1);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("ingest-api");
            assertThat(letter.reason()).startsWith("Not a JSON object");
            assertThat(letter.original()).isEqualTo("{\"broken\": ");
        });
    }

    @Test
    void requestsWithoutAValidTokenOrWithABrokenBodyAreRefusedWithAClearMessage() throws Exception {
        String token = platform.newTenantWithToken(RunningPlatform.uniqueTenant("auth"), "auto");

        HttpResponse<String> missing = Http.ingest(platform.ingestUrl(), null, "text/plain", "<13>1 - h a - - - x");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat((String) Http.json(missing).get("error")).contains("Missing ingest token");

        HttpResponse<String> wrong = Http.ingest(platform.ingestUrl(), "soc_ing_not-a-real-token", "text/plain", "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat((String) Http.json(wrong).get("error")).isEqualTo("Unknown or revoked ingest token");

        HttpResponse<String> empty = Http.ingest(platform.ingestUrl(), token, "text/plain", "\n\n");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat((String) Http.json(empty).get("error")).contains("Empty body");

        HttpResponse<String> notGzip = Http.post(platform.ingestUrl() + "/api/v1/ingest", "text/plain", token,
                "plain text".getBytes(StandardCharsets.UTF_8), Map.of("Content-Encoding", "gzip"));
        assertThat(notGzip.statusCode()).isEqualTo(400);
        assertThat((String) Http.json(notGzip).get("error")).contains("not valid gzip");

        HttpResponse<String> gzip = Http.post(platform.ingestUrl() + "/api/v1/ingest", "text/plain", token,
                gzip("<13>1 - h a - - - one\n<13>1 - h a - - - two\n"), Map.of("Content-Encoding", "gzip"));
        assertThat(gzip.statusCode()).isEqualTo(202);
        assertThat(Http.json(gzip)).containsEntry("accepted", 2);
    }

    @Test
    void acceptedEventsSurviveAnIngestRestartWhileOpenSearchRefusesWrites() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("outage");
        String token = platform.newTenantWithToken(tenant, "auto");
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String os = platform.infra.openSearchUrl();
        Runnable startIngest;
        setClusterReadOnly(os, true);
        try {
            HttpResponse<String> response = Http.ingest(platform.ingestUrl(), token, "text/plain",
                    "<13>1 - h1 app - - - outage test " + marker);
            assertThat(response.statusCode()).isEqualTo(202);
            Thread.sleep(3000); // the normaliser is now retrying against the read-only cluster
            startIngest = platform.stopIngest();
        } finally {
            setClusterReadOnly(os, false);
        }
        assertThat(Http.count(os, IndexNames.eventsPattern(tenant), "\"" + marker + "\"")).isZero();

        startIngest.run();

        Await.until(() -> Http.count(os, IndexNames.eventsPattern(tenant), "\"" + marker + "\""), n -> n > 0,
                "event indexed after the restart");
        Thread.sleep(1500);
        assertThat(Http.count(os, IndexNames.eventsPattern(tenant), "\"" + marker + "\"")).isEqualTo(1);
    }

    @Test
    void everyServiceReportsReadinessAndPrometheusMetrics() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("metrics");
        String token = platform.newTenantWithToken(tenant, "auto");
        Http.ingest(platform.ingestUrl(), token, "text/plain", "<13>1 - h1 app - - - mimikatz for metrics");
        Await.until(() -> queueOf(tenant), rows -> !rows.isEmpty(), "alert of " + tenant);

        Map<String, String> expectations = Map.of(
                platform.ingestUrl(), "soc_ingest_accepted_total{",
                "http://localhost:" + RunningPlatform.port(platform.detect), "soc_detect_events_total",
                platform.webUrl(), "soc_cases_alerts_received_total");
        for (Map.Entry<String, String> service : expectations.entrySet()) {
            HttpResponse<String> readiness = Http.send("GET", service.getKey() + "/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).as(service.getKey()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"UP\"");
            HttpResponse<String> metrics = Http.send("GET", service.getKey() + "/actuator/prometheus", null);
            assertThat(metrics.statusCode()).as(service.getKey()).isEqualTo(200);
            assertThat(metrics.body()).contains(service.getValue());
        }
        HttpResponse<String> ingestMetrics = Http.send("GET", platform.ingestUrl() + "/actuator/prometheus", null);
        assertThat(ingestMetrics.body()).contains("tenant=\"" + tenant + "\"");
    }

    private static List<AlertRow> queueOf(String tenant) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(AlertQueue.class).firstPage(tenant));
    }

    private static void setClusterReadOnly(String os, boolean readOnly) throws Exception {
        HttpResponse<String> response = Http.send("PUT", os + "/_cluster/settings",
                "{\"transient\":{\"cluster.blocks.read_only\":" + (readOnly ? "true" : "null") + "}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<DeadLetter> deadLettersOf(String tenant, int expected) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infra.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            long deadline = System.nanoTime() + Await.DEFAULT.toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (tenant.equals(record.key())) {
                        letters.add(EventJson.read(record.value(), DeadLetter.class));
                    }
                }
            }
        }
        return letters;
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
