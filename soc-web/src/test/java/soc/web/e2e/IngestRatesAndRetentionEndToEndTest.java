package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;

/**
 * Issue #4 operations: the SOC's operations page shows each tenant's and source's accepted events per second (counted
 * in OpenSearch, so web and ingest are separate services here), and a tenant's event retention is set on its page by
 * an onboarding officer (audited) and shown read-only to the tenant's admin.
 */
class IngestRatesAndRetentionEndToEndTest {
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void operationsPageShowsEventsPerSecondPerTenantAndSource() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("rates");
        String token = platform.newTenantWithToken(tenant, "json");
        String body = IntStream.range(0, 30).mapToObj(i -> "{\"message\": \"rate " + i + "\"}")
                .collect(Collectors.joining("\n"));
        assertThat(Http.ingest(platform.ingestUrl(), token, "application/x-ndjson", body).statusCode()).isEqualTo(202);

        String analyst = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        WebSession session = WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD);
        // 30 events: 30 in the last hour, 30 / 300 s = 0.10 events/s over 5 minutes, 30 / 3600 s = 0.01 over the hour
        Pattern tenantRow = Pattern.compile("class=\"rate-tenant\" data-tenant=\"" + tenant + "\" data-events=\"30\">"
                + "\\s*<th scope=\"row\" colspan=\"2\"><a href=\"/tenants/" + tenant + "\">Tenant " + tenant + "</a></th>"
                + "\\s*<td>0\\.10</td>\\s*<td>0\\.01</td>\\s*<td>30</td>");
        String page = Await.until(() -> session.get("/operations").body(), html -> tenantRow.matcher(html).find(),
                "30 events of " + tenant + " on the operations page");
        Pattern sourceRow = Pattern.compile("class=\"rate-source\" data-tenant=\"" + tenant
                + "\" data-source=\"[0-9a-f-]{36}\" data-events=\"30\">\\s*<td></td>\\s*<td>Source</td>\\s*<td>0\\.10</td>");
        assertThat(sourceRow.matcher(page).find()).as("the tenant's source row").isTrue();
    }

    @Test
    void officerSetsRetentionAndTheTenantAdminSeesItReadOnly() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("retain");
        platform.newTenantWithToken(tenant, "auto");
        String officer = "officer-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(officer, Role.ONBOARDING_OFFICER, null);
        String admin = "tadmin-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(admin, Role.TENANT_ADMIN, tenant);

        WebSession officerSession = WebSession.signIn(platform.webUrl(), officer, RunningPlatform.PASSWORD);
        assertThat(officerSession.get("/tenants/" + tenant).body())
                .contains("Events are kept in search for 90 days.").contains("(platform default)")
                .contains("id=\"retention-input\"");

        assertThat(officerSession.post("/tenants/" + tenant + "/retention", Map.of("days", "0")).statusCode())
                .isEqualTo(302);
        assertThat(officerSession.get("/tenants/" + tenant).body()).contains("Enter a whole number of days between 1 and 3650")
                .contains("Events are kept in search for 90 days.");

        assertThat(officerSession.post("/tenants/" + tenant + "/retention", Map.of("days", "30")).statusCode())
                .isEqualTo(302);
        assertThat(officerSession.get("/tenants/" + tenant).body()).contains("Retention set to 30 days.")
                .contains("Events are kept in search for 30 days.").doesNotContain("(platform default)");
        JdbcClient jdbc = platform.webBean(JdbcClient.class);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select actor || ': ' || detail from audit_log where tenant_id = ? and action = 'tenant.retention'")
                .param(tenant).query(String.class).single()))
                .isEqualTo(officer + ": 90 days (platform default) -> 30 days");

        WebSession adminSession = WebSession.signIn(platform.webUrl(), admin, RunningPlatform.PASSWORD);
        assertThat(adminSession.get("/tenants/" + tenant).body()).contains("Events are kept in search for 30 days.")
                .doesNotContain("id=\"retention-input\"");
        assertThat(adminSession.post("/tenants/" + tenant + "/retention", Map.of("days", "3650")).statusCode())
                .isEqualTo(403);
        assertThat(adminSession.postJson("/api/v1/tenants/" + tenant + "/retention", "{\"days\": 1}").statusCode())
                .isEqualTo(403);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select retention_days from tenant where tenant_id = ?").param(tenant).query(Integer.class).single()))
                .isEqualTo(30);
        assertThat(Http.json(adminSession.get("/api/v1/tenants/" + tenant + "/retention")))
                .containsEntry("days", 30).containsEntry("platformDefault", false).containsEntry("defaultDays", 90);

        // the same through the REST API: back to the platform default
        var reset = officerSession.postJson("/api/v1/tenants/" + tenant + "/retention", "{\"days\": null}");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(Http.json(reset)).containsEntry("days", 90).containsEntry("platformDefault", true);
        assertThat(officerSession.postJson("/api/v1/tenants/" + tenant + "/retention", "{\"days\": 4000}").statusCode())
                .isEqualTo(400);
    }
}
