package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.cases.alerts.AlertDeduplication;
import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertRow;
import soc.cases.indicators.Indicator;
import soc.cases.indicators.Indicators;
import soc.detect.indicators.IndicatorSet;
import soc.events.SocEvent;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;

/**
 * Streaming detection beyond single events, through the running platform (real PostgreSQL, Kafka, OpenSearch):
 * a password spray correlated on the stream into one alert, the base rule's repeats deduplicated into one queue row
 * with a count, and a threat indicator added in the web app matching the next event without any restart.
 */
class CorrelationIndicatorsDedupEndToEndTest {
    private static final String SPRAY = "Password Spray - One Source, Many Accounts";
    private static final String FAILED_LOGON = "Failed Logon With a Bad Password or an Unknown Account";
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void tenFailedLogonsForTenUsersFromOneAddressRaiseOnePasswordSprayAlert() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("spray");
        String token = platform.newTenantWithToken(tenant, "json");
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            lines.append("{\"@timestamp\":\"").append(t0.plusSeconds(2L * i)).append("\",\"winlog\":{\"event_id\":4625,"
                    + "\"channel\":\"Security\",\"provider_name\":\"Microsoft-Windows-Security-Auditing\","
                    + "\"computer_name\":\"dc1.council.example\",\"event_data\":{\"TargetUserName\":\"user").append(i)
                    .append("\",\"TargetDomainName\":\"COUNCIL\",\"IpAddress\":\"203.0.113.50\",\"LogonType\":3,"
                            + "\"Status\":\"0xC000006D\",\"SubStatus\":\"0xC000006A\"}}}\n");
        }
        long postedAt = System.nanoTime();
        HttpResponse<String> response = Http.ingest(platform.ingestUrl(), token, "application/x-ndjson",
                lines.toString());
        assertThat(response.statusCode()).isEqualTo(202);

        Await.until(() -> queueOf(tenant), r -> r.stream().anyMatch(a -> SPRAY.equals(a.ruleTitle())), "spray alert");
        System.out.printf("password spray: ingest-to-queue latency of the correlation alert %d ms%n",
                (System.nanoTime() - postedAt) / 1_000_000);
        List<AlertRow> rows = Await.until(() -> queueOf(tenant), r -> occurrences(r, FAILED_LOGON) == 10,
                "ten counted failed logons");
        Thread.sleep(3000); // nothing more may arrive: no second spray, no second failed-logon row
        rows = queueOf(tenant);
        List<AlertRow> sprays = rows.stream().filter(a -> SPRAY.equals(a.ruleTitle())).toList();
        assertThat(sprays).hasSize(1);
        AlertRow spray = sprays.get(0);
        assertThat(spray.ruleAuthor()).isEqualTo("SOC platform team");
        assertThat(spray.techniques()).containsExactly("T1110.003");
        assertThat(spray.keyFieldsJson()).contains("203.0.113.50").contains("user0").contains("user9");
        assertThat(rows.stream().filter(a -> FAILED_LOGON.equals(a.ruleTitle())))
                .as("ten failed logons on one host: one queue row with a count").hasSize(1);
        assertThat(rows.stream().filter(a -> a.ruleTitle().startsWith("Brute Force"))).isEmpty();
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(soc.cases.alerts.AlertStore.class)
                .find(spray.alertId())).orElseThrow().eventIds()).as("the contributing events").hasSize(10);

        // the count shows in the queue and on the alert page
        platform.newUser("spray-analyst-" + tenant, Role.SOC_ANALYST, null);
        WebSession session = WebSession.signIn(platform.webUrl(), "spray-analyst-" + tenant, RunningPlatform.PASSWORD);
        assertThat(session.get("/alerts?tenant=" + tenant).body()).contains("10 times");
        String failedId = rows.stream().filter(a -> FAILED_LOGON.equals(a.ruleTitle())).findFirst().orElseThrow()
                .alertId();
        assertThat(session.get("/alerts/" + failedId).body()).containsPattern("id=\"alert-occurrences\">10<");
    }

    @Test
    void anIndicatorAddedInTheWebAppMatchesTheNextEventWithoutARestart() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("ioc");
        String token = platform.newTenantWithToken(tenant, "json");
        String domain = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String analyst = "ioc-analyst-" + tenant;
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        WebSession session = WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD);
        session.get("/indicators");
        HttpResponse<String> added = session.post("/indicators", Map.of("type", "DOMAIN", "value", domain.toUpperCase(),
                "tenantId", tenant, "source", "e2e-feed", "description", "test command and control"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(session.get("/indicators").body()).contains(domain).contains("e2e-feed");

        // soc-detect picks it up from the compacted topic while running
        IndicatorSet live = platform.detect.getBean(IndicatorSet.class);
        SocEvent probe = SocEvent.of(Map.of(SocEvent.EVENT_ID, "probe", SocEvent.TENANT_ID, tenant,
                SocEvent.TIMESTAMP, Instant.now().toString(), "dns.question.name", "www." + domain));
        Await.until(() -> live.match(probe, Instant.now()), hits -> !hits.isEmpty(), "indicator in the live set");

        StringBuilder events = new StringBuilder();
        for (int i = 7; i < 10; i++) { // three machines resolve it: one alert (fingerprint: the indicator), count 3
            events.append("{\"@timestamp\":\"").append(Instant.now().minusSeconds(10 - i)).append("\",\"host\":\"ws-")
                    .append(i).append("\",\"src_ip\":\"10.1.2.").append(i).append("\",\"dns\":{\"question\":{\"name\":\"www.")
                    .append(domain).append("\"}}}\n");
        }
        long postedAt = System.nanoTime();
        Http.ingest(platform.ingestUrl(), token, "application/x-ndjson", events.toString());
        Await.until(() -> queueOf(tenant), r -> occurrences(r, "Threat indicator match") > 0, "indicator alert");
        System.out.printf("threat indicator: ingest-to-queue latency %d ms%n", (System.nanoTime() - postedAt) / 1_000_000);
        List<AlertRow> rows = Await.until(() -> queueOf(tenant),
                r -> occurrences(r, "Threat indicator match") == 3, "indicator alert counted three times");
        List<AlertRow> matches = rows.stream().filter(a -> "Threat indicator match".equals(a.ruleTitle())).toList();
        assertThat(matches).as("three matching events: one alert with a count").hasSize(1);
        assertThat(matches.get(0).keyFieldsJson()).contains(domain).contains("e2e-feed").contains("DOMAIN");

        // deleting it in the web app stops the matching (tombstone on the compacted topic)
        Indicator indicator = TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(Indicators.class)
                .list(tenant, 10)).get(0);
        assertThat(session.post("/indicators/" + indicator.indicatorId() + "/delete", Map.of()).statusCode())
                .isEqualTo(302);
        Await.until(() -> live.match(probe, Instant.now()), List::isEmpty, "indicator gone from the live set");
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(soc.tenants.audit.AuditLog.class)
                .latest()).stream().filter(e -> tenant.equals(e.getTenantId())).map(e -> e.getAction()).toList())
                .contains("indicator.add", "indicator.delete");
    }

    private static List<AlertRow> queueOf(String tenant) {
        return TenantScope.call(tenant, () -> new ArrayList<>(platform.webBean(AlertQueue.class).firstPage(tenant)));
    }

    private static int occurrences(List<AlertRow> rows, String title) {
        List<String> ids = rows.stream().filter(a -> title.equals(a.ruleTitle())).map(AlertRow::alertId).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(AlertDeduplication.class)
                .occurrences(ids)).values().stream().mapToInt(AlertDeduplication.Occurrences::count).sum();
    }
}
