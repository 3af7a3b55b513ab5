package soc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import soc.ingest.retention.EventRetention;
import soc.tenants.retention.TenantRetention;
import soc.tenants.scope.TenantScope;

/**
 * Retention on the real OpenSearch of the tests (the integ-test distribution, which has no Index State Management
 * plugin, so the retention job deletes): old-dated daily indices of three tenants, one with 30 days and two with the
 * 90-day default, one of them named like the first with a suffix; only the expired indices of the right tenant go,
 * and the deletion is audited and counted.
 */
class EventRetentionIntegrationTest extends IngestServiceIntegrationTest {
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
    void deletesOnlyTheExpiredDailyIndicesOfEachTenant() throws Exception {
        String shortTenant = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        String lookalike = shortTenant + "-w";
        String defaultTenant = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        for (String tenant : List.of(shortTenant, lookalike, defaultTenant)) {
            tenants.tenantWithToken(tenant);
        }
        TenantScope.run(TenantScope.ALL_TENANTS, () -> settings.change("officer", shortTenant, 30));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String shortExpired = index(shortTenant, today.minusDays(31));
        String shortOldestKept = index(shortTenant, today.minusDays(30));
        String shortToday = index(shortTenant, today);
        String lookalikeKept = index(lookalike, today.minusDays(40));
        String defaultKept = index(defaultTenant, today.minusDays(31));
        String defaultExpired = index(defaultTenant, today.minusDays(91));
        for (String index : List.of(shortExpired, shortOldestKept, shortToday, lookalikeKept, defaultKept, defaultExpired)) {
            create(index);
        }

        EventRetention.Run run = retention.runOnce();

        assertThat(run.mode()).isEqualTo("job");
        assertThat(run.deleted().get(shortTenant)).containsExactly(shortExpired);
        assertThat(run.deleted().get(defaultTenant)).containsExactly(defaultExpired);
        assertThat(run.deleted()).doesNotContainKey(lookalike);
        assertThat(exists(shortExpired)).isFalse();
        assertThat(exists(defaultExpired)).isFalse();
        for (String kept : List.of(shortOldestKept, shortToday, lookalikeKept, defaultKept)) {
            assertThat(exists(kept)).as(kept).isTrue();
        }

        String audited = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select actor || ' ' || detail from audit_log where tenant_id = ? and action = 'retention.deleted'")
                .param(shortTenant).query(String.class).single());
        assertThat(audited).isEqualTo("system:retention 1 event indices older than 30 days: " + shortExpired);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select count(*) from audit_log where tenant_id = ? and action = 'retention.deleted'")
                .param(lookalike).query(Long.class).single())).isZero();
        assertThat(meters.counter("soc.ingest.retention.deleted", "tenant", shortTenant).count()).isEqualTo(1.0);

        // a second run finds nothing more to delete
        assertThat(retention.runOnce().deleted()).doesNotContainKeys(shortTenant, defaultTenant, lookalike);
    }

    private static String index(String tenant, LocalDate day) {
        return "soc-events." + tenant + "." + day.toString().replace('-', '.');
    }

    private static void create(String index) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(INFRA.openSearchUrl() + "/" + index))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static boolean exists(String index) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(INFRA.openSearchUrl() + "/" + index))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }
}
