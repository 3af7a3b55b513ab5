package soc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import soc.events.Alert;
import soc.events.EventJson;
import soc.events.Severity;
import soc.ingest.retention.EventRetention;
import soc.tenants.retention.TenantRetention;
import soc.tenants.scope.TenantScope;

/**
 * Retention of alert documents on the real OpenSearch of the tests: tenant A (30 days) loses the alerts raised before
 * the oldest kept day, keeps the ones raised on it and later; tenant B (the 90-day default, named like A with a
 * suffix, so a pattern would catch it) keeps an alert that A's retention would have removed. Documents are written as
 * soc-detect's AlertIndexer writes them (the Alert record through EventJson, alert id as document id) into an index
 * mapped like its {@code soc-alerts} template.
 */
class AlertRetentionIntegrationTest extends IngestServiceIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    EventRetention retention;
    @Autowired
    TenantRetention settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void deletesOnlyTheTenantsAlertsRaisedBeforeItsRetention() throws Exception {
        String tenantA = "alr-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantB = tenantA + "-w";
        tenants.tenantWithToken(tenantA);
        tenants.tenantWithToken(tenantB);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> settings.change("officer", tenantA, 30));

        Instant oldestKeptDay = LocalDate.now(ZoneOffset.UTC).minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = Instant.now();
        String aExpired = index(alert(tenantA, oldestKeptDay.minus(Duration.ofDays(5))));
        String aJustExpired = index(alert(tenantA, oldestKeptDay.minusMillis(1)));
        String aOldestKept = index(alert(tenantA, oldestKeptDay));
        // raised today by a retro-hunt on 200-day-old events: the time it was raised counts
        String aRecent = index(new Alert("a-" + UUID.randomUUID(), tenantA, "rule-1", "Retro-hunt", "SOC",
                Severity.HIGH, List.of(), List.of("e1"), Map.of("host.name", "ws1"), "fp",
                now.minus(Duration.ofDays(200)), now));
        String bOld = index(alert(tenantB, oldestKeptDay.minus(Duration.ofDays(10))));
        String bRecent = index(alert(tenantB, now));

        EventRetention.Run run = retention.runOnce();

        assertThat(run.failures()).noneMatch(f -> f.startsWith(tenantA) || f.startsWith(tenantB));
        assertThat(run.alertsDeleted()).containsEntry(tenantA, 2L).doesNotContainKey(tenantB);
        assertThat(ids(tenantA)).containsExactlyInAnyOrder(aOldestKept, aRecent);
        assertThat(ids(tenantB)).containsExactlyInAnyOrder(bOld, bRecent);
        assertThat(List.of(aExpired, aJustExpired)).doesNotContainAnyElementsOf(ids(tenantA));

        String audited = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select actor || ' ' || detail from audit_log where tenant_id = ? and action = 'retention.alerts.deleted'")
                .param(tenantA).query(String.class).single());
        assertThat(audited).isEqualTo("system:retention 2 alerts raised before " + oldestKeptDay
                + " (older than 30 days) from soc-alerts." + tenantA);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select count(*) from audit_log where tenant_id = ? and action = 'retention.alerts.deleted'")
                .param(tenantB).query(Long.class).single())).isZero();
        assertThat(meters.counter("soc.ingest.retention.alerts.deleted", "tenant", tenantA).count()).isEqualTo(2.0);

        // a second run finds nothing more; a tenant without an alert index is no failure
        EventRetention.Run second = retention.runOnce();
        assertThat(second.alertsDeleted()).doesNotContainKeys(tenantA, tenantB);
        assertThat(second.failures()).noneMatch(f -> f.startsWith(tenantA) || f.startsWith(tenantB));
    }

    private static Alert alert(String tenant, Instant detectedAt) {
        return new Alert(tenant + "-" + UUID.randomUUID(), tenant, "rule-1", "Test rule", "SOC", Severity.MEDIUM,
                List.of("T1110"), List.of("e1"), Map.of("host.name", "ws1"), "fp", detectedAt.minusSeconds(5),
                detectedAt);
    }

    /** Writes the alert as AlertIndexer does; returns its id. */
    private static String index(Alert alert) throws Exception {
        String index = "soc-alerts." + alert.tenantId();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(INFRA.openSearchUrl() + "/" + index))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mappings\":{\"properties\":{\"eventTime\":{\"type\":\"date\"},"
                        + "\"detectedAt\":{\"type\":\"date\"}}}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode() == 200 || created.body().contains("resource_already_exists_exception"))
                .as(created.body()).isTrue();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(INFRA.openSearchUrl() + "/" + index
                        + "/_doc/" + alert.alertId() + "?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(EventJson.write(alert))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return alert.alertId();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(String tenant) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(INFRA.openSearchUrl()
                        + "/soc-alerts." + tenant + "/_search?size=100&_source=false")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> hits = (Map<String, Object>) EventJson.readObject(response.body()).get("hits");
        return ((List<Map<String, Object>>) hits.get("hits")).stream().map(hit -> (String) hit.get("_id")).toList();
    }
}
