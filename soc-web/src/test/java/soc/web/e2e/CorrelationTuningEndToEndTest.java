package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import soc.cases.alerts.AlertDeduplication;
import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertRow;
import soc.detect.config.TenantRuleSettings;
import soc.tenants.detection.RuleCatalog;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;

/**
 * A tenant admin tunes the platform's password-spray correlation for their organisation in the web app, on the
 * running platform: an exception on the correlation rule for the vulnerability scanner's address, and their own
 * correlation chained onto the platform's ("two sprays from one source within an hour"). Forty failed logons later
 * (twenty accounts from the scanner, twenty from an attacker) the queue holds the attacker's spray (twice, one row)
 * and the chained alert, and nothing correlated for the scanner, whose single failed logons still alert.
 */
class CorrelationTuningEndToEndTest {
    private static final String SPRAY_ID = "710455dd-2139-4412-b06e-b53187cf8bb6";
    private static final String SPRAY = "Password Spray - One Source, Many Accounts";
    private static final String FAILED_LOGON = "Failed Logon With a Bad Password or an Unknown Account";
    private static final String REPEATED = "Repeated Password Spray From One Source";

    @Test
    void tenantAdminExceptsTheScannerFromTheSprayCorrelationAndChainsTheirOwnCorrelationOntoIt() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        String tenant = RunningPlatform.uniqueTenant("tune");
        String token = platform.newTenantWithToken(tenant, "json");
        String admin = "tune-admin-" + UUID.randomUUID().toString().substring(0, 8);
        platform.newUser(admin, Role.TENANT_ADMIN, tenant);
        Await.until(() -> platform.webBean(RuleCatalog.class).find(SPRAY_ID), r -> r.isPresent(), "spray in catalog");

        WebSession session = WebSession.signIn(platform.webUrl(), admin, RunningPlatform.PASSWORD);
        assertThat(session.get("/rules/" + SPRAY_ID).body()).contains("id=\"exception-correlation-hint\"");
        HttpResponse<String> exception = session.post("/rules/tenants/" + tenant + "/rules/" + SPRAY_ID + "/exceptions",
                Map.of("field", "IpAddress", "operator", "EQUALS", "value", "10.9.9.9",
                        "reason", "vulnerability scanner sprays on purpose"));
        assertThat(exception.statusCode()).isEqualTo(302);
        String customId = UUID.randomUUID().toString();
        HttpResponse<String> saved = session.post("/rules/tenants/" + tenant + "/custom", Map.of("yaml", """
                title: Repeated Password Spray From One Source
                id: %s
                author: %s
                level: critical
                tags: [attack.credential-access, attack.t1110.003]
                correlation:
                  type: event_count
                  rules: [soc_password_spray_one_source]
                  group-by: [IpAddress]
                  timespan: 1h
                  condition: {gte: 2}
                """.formatted(customId, admin)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        TenantRuleSettings detection = platform.detect.getBean(TenantRuleSettings.class);
        Await.until(() -> detection.config(tenant), c -> c.exceptions().size() == 1 && c.customRules().size() == 1,
                "exception and custom correlation in detection");

        Instant t0 = Instant.now().minusSeconds(180).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (String ip : List.of("10.9.9.9", "203.0.113.50")) {
            for (int i = 0; i < 20; i++) {
                lines.append("{\"@timestamp\":\"").append(t0.plusSeconds(2L * n++)).append("\",\"winlog\":{"
                        + "\"event_id\":4625,\"channel\":\"Security\",\"provider_name\":"
                        + "\"Microsoft-Windows-Security-Auditing\",\"computer_name\":\"dc1.council.example\","
                        + "\"event_data\":{\"TargetUserName\":\"user").append(i).append("\",\"TargetDomainName\":"
                        + "\"COUNCIL\",\"IpAddress\":\"").append(ip).append("\",\"LogonType\":3,"
                        + "\"Status\":\"0xC000006D\",\"SubStatus\":\"0xC000006A\"}}}\n");
            }
        }
        assertThat(Http.ingest(platform.ingestUrl(), token, "application/x-ndjson", lines.toString()).statusCode())
                .isEqualTo(202);

        Await.until(() -> queueOf(platform, tenant), r -> r.stream().anyMatch(a -> REPEATED.equals(a.ruleTitle())),
                "the chained correlation's alert");
        List<AlertRow> rows = Await.until(() -> queueOf(platform, tenant),
                r -> occurrences(platform, r, FAILED_LOGON) == 40, "forty failed logons counted");
        Thread.sleep(3000); // nothing more may arrive
        rows = queueOf(platform, tenant);
        List<AlertRow> sprays = rows.stream().filter(a -> SPRAY.equals(a.ruleTitle())).toList();
        assertThat(sprays).as("the attacker's two sprays: one queue row").hasSize(1);
        assertThat(sprays.get(0).keyFieldsJson()).contains("203.0.113.50").doesNotContain("10.9.9.9");
        assertThat(occurrences(platform, rows, SPRAY)).isEqualTo(2);
        List<AlertRow> repeated = rows.stream().filter(a -> REPEATED.equals(a.ruleTitle())).toList();
        assertThat(repeated).hasSize(1);
        assertThat(repeated.get(0).ruleAuthor()).isEqualTo(admin);
        assertThat(repeated.get(0).keyFieldsJson()).contains("203.0.113.50");
        assertThat(rows).as("nothing correlated for the excepted scanner")
                .noneMatch(a -> !FAILED_LOGON.equals(a.ruleTitle()) && a.keyFieldsJson().contains("10.9.9.9"));
    }

    private static List<AlertRow> queueOf(RunningPlatform platform, String tenant) {
        return TenantScope.call(tenant, () -> new ArrayList<>(platform.webBean(AlertQueue.class).firstPage(tenant)));
    }

    private static int occurrences(RunningPlatform platform, List<AlertRow> rows, String title) {
        List<String> ids = rows.stream().filter(a -> title.equals(a.ruleTitle())).map(AlertRow::alertId).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(AlertDeduplication.class)
                .occurrences(ids)).values().stream().mapToInt(AlertDeduplication.Occurrences::count).sum();
    }
}
