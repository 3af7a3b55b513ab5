package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

import soc.cases.alerts.AlertQueue;
import soc.cases.cases.CaseActor;
import soc.cases.cases.Cases;
import soc.events.EventJson;
import soc.tenants.discovery.Roadmap;
import soc.tenants.discovery.RoadmapStatus;
import soc.tenants.onboarding.ChecklistItem;
import soc.tenants.onboarding.Onboarding;
import soc.tenants.onboarding.OnboardingItem;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantService;
import soc.tenants.users.Role;

/**
 * A council's discovery questionnaire produces its roadmap, a source connecting ticks its roadmap item by itself;
 * then the council is offboarded: its export holds its rows and events, and deletion removes its rows, indices
 * and collector topic — and nothing of another tenant. Tenant admins can do none of the offboarding.
 */
class DiscoveryRoadmapAndOffboardingEndToEndTest {
    private static RunningPlatform platform;
    private static String leaver;
    private static String council;
    private static String keeper;
    private static String marker;
    private static String firewallToken;
    private static WebSession officer;

    @BeforeAll
    static void twoTenants() throws Exception {
        platform = RunningPlatform.get();
        leaver = RunningPlatform.uniqueTenant("leaver");
        council = RunningPlatform.uniqueTenant("council");
        platform.newTenantWithToken(council, "auto");
        keeper = RunningPlatform.uniqueTenant("keeper");
        marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String leaverToken = platform.newTenantWithToken(leaver, "auto");
        String keeperToken = platform.newTenantWithToken(keeper, "auto");
        firewallToken = TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            platform.webBean(SourceService.class).register("test", leaver, "Perimeter firewall", SourceType.FIREWALL,
                    "auto", IngestMethod.KAFKA);
            Source firewall = platform.webBean(SourceService.class).register("test", council, "Perimeter firewall",
                    SourceType.FIREWALL, "auto", IngestMethod.HTTP_TOKEN);
            return platform.webBean(IngestTokens.class).issue("test", firewall.getId()).token();
        });
        Http.ingest(platform.ingestUrl(), leaverToken, "text/plain", "<13>1 - leaver-host app - - - mimikatz " + marker);
        Http.ingest(platform.ingestUrl(), keeperToken, "text/plain", "<13>1 - keeper-host app - - - mimikatz " + marker);
        for (String tenant : List.of(leaver, keeper)) {
            Await.until(() -> TenantScope.call(tenant, () -> platform.webBean(AlertQueue.class).firstPage(tenant)),
                    rows -> !rows.isEmpty(), tenant + "'s alert");
        }
        String alertId = TenantScope.call(leaver, () -> platform.webBean(AlertQueue.class).firstPage(leaver)).get(0).alertId();
        TenantScope.run(TenantScope.ALL_TENANTS, () -> platform.webBean(Cases.class)
                .createFromAlerts(CaseActor.provider("test"), List.of(alertId), "Leaver case " + marker));
        String officerName = "officer-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(officerName, Role.ONBOARDING_OFFICER, null);
        officer = WebSession.signIn(platform.webUrl(), officerName, RunningPlatform.PASSWORD);
    }

    @Test
    void questionnaireProducesTheRoadmapAndAConnectingSourceTicksItsItem() throws Exception {
        officer.get("/tenants/" + council + "/discovery");
        Map<String, String> answers = new HashMap<>(Map.of("firewallVendor", "Fortinet", "edrProduct", "",
                "windowsAd", "NOT_LOGGED", "m365Entra", "NOT_IN_USE", "mfa", "NONE", "offlineBackups", "false",
                "restoreTested", "NEVER", "otPresent", "false", "outOfHours", "ON_CALL"));
        assertThat(officer.post("/tenants/" + council + "/discovery", answers).statusCode()).isEqualTo(302);

        String page = officer.get("/tenants/" + council + "/discovery").body();
        assertThat(page).contains("Deploy endpoint detection and response (EDR)", "Require MFA for remote access",
                "Keep an offline or immutable backup copy", "Turn on security logging for Windows / Active Directory",
                "data-code=\"SOURCE_FIREWALL\" data-status=\"OPEN\"", "Perimeter firewall")
                .doesNotContain("data-code=\"SOURCE_M365_ENTRA\"");
        assertThat(TenantScope.call(council, () -> platform.webBean(Onboarding.class).journey(council, null).items())
                .stream().filter(i -> i.getCode().equals(ChecklistItem.DISCOVERY_DONE.name())).findFirst().orElseThrow()
                .isDone()).as("checklist: discovery done").isTrue();

        // the firewall's first event ticks "Connect Firewall" by itself
        assertThat(Http.ingest(platform.ingestUrl(), firewallToken, "text/plain",
                "<134>1 2026-11-30T10:00:00Z fw01 fw - - - action=deny src=203.0.113.9 " + marker).statusCode()).isEqualTo(202);
        Await.until(() -> TenantScope.call(council, () -> platform.webBean(Roadmap.class).of(council)).stream()
                .filter(r -> r.code().equals("SOURCE_FIREWALL")).findFirst().orElseThrow(),
                r -> r.status() == RoadmapStatus.DONE && r.automatic(), "firewall roadmap item done");
        HttpResponse<String> api = officer.get("/api/v1/tenants/" + council + "/roadmap");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"code\":\"SOURCE_FIREWALL\"", "\"status\":\"DONE\"", "\"code\":\"MFA_BASELINE\"");

        // a recommendation planned by hand, an overdue checklist item shown as a blocker on the dashboard
        officer.get("/tenants/" + council + "/discovery");
        assertThat(officer.post("/tenants/" + council + "/roadmap/MFA_BASELINE", Map.of("status", "PLANNED")).statusCode())
                .isEqualTo(302);
        assertThat(officer.get("/api/v1/tenants/" + council + "/roadmap").body())
                .containsPattern("\"code\":\"MFA_BASELINE\"[^}]*\"status\":\"PLANNED\"");
        long itemId = TenantScope.call(council, () -> platform.webBean(Onboarding.class).journey(council, null).items())
                .stream().filter(i -> i.getCode().equals(ChecklistItem.PLAN_AGREED.name())).findFirst()
                .map(OnboardingItem::getId).orElseThrow();
        officer.get("/tenants/" + council);
        officer.post("/tenants/" + council + "/checklist/" + itemId + "/plan",
                Map.of("owner", "Rhian Evans", "dueOn", LocalDate.now().minusDays(3).toString()));
        assertThat(officer.get("/tenants/" + council).body()).contains("owner Rhian Evans", "Overdue");
        assertThat(officer.get("/tenants").body()).contains("Onboarding plan agreed with the tenant (owner Rhian Evans, due ");
    }

    @Test
    void offboardingExportsTheTenantThenDeletesItAndNothingElse() throws Exception {
        String openSearch = platform.infra.openSearchUrl();
        Await.until(() -> Http.count(openSearch, "soc-events." + leaver + ".*", "*"), n -> n >= 1, "leaver's events indexed");
        Await.until(() -> Http.count(openSearch, "soc-alerts." + leaver, "*"), n -> n >= 1, "leaver's alerts indexed");
        long keeperEvents = Await.until(() -> Http.count(openSearch, "soc-events." + keeper + ".*", "*"), n -> n >= 1,
                "keeper's events indexed");

        // the leaver's own admin can neither export nor delete nor change its status
        String adminName = "leaver-admin-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(adminName, Role.TENANT_ADMIN, leaver);
        WebSession admin = WebSession.signIn(platform.webUrl(), adminName, RunningPlatform.PASSWORD);
        admin.get("/tenants/" + leaver + "/discovery");
        assertThat(admin.post("/tenants/" + leaver + "/discovery", Map.of("mfa", "ALL_USERS", "edrProduct", "Sophos"))
                .statusCode()).as("a tenant admin answers their own questionnaire").isEqualTo(302);
        assertThat(admin.get("/tenants/" + leaver + "/offboarding").statusCode()).isEqualTo(403);
        assertThat(admin.postForBytes("/tenants/" + leaver + "/offboarding/export", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.post("/tenants/" + leaver + "/offboarding/delete", Map.of("confirmation", leaver)).statusCode())
                .isEqualTo(403);
        assertThat(admin.postJson("/api/v1/tenants/" + leaver + "/status", "{\"status\":\"OFFBOARDED\"}").statusCode())
                .isEqualTo(403);

        // collector topic for direct Kafka, shown on the source's page
        officer.get("/tenants/" + leaver);
        assertThat(officer.post("/tenants/" + leaver + "/collector-topic", Map.of()).statusCode()).isEqualTo(302);
        String topic = "soc.collect." + leaver + ".v1";
        Await.until(DiscoveryRoadmapAndOffboardingEndToEndTest::topics, t -> t.contains(topic), "collector topic created");
        Source firewall = TenantScope.call(leaver, () -> platform.webBean(SourceService.class).forTenant(leaver)).stream()
                .filter(s -> s.getType() == SourceType.FIREWALL).findFirst().orElseThrow();
        assertThat(officer.get("/tenants/" + leaver + "/sources/" + firewall.getId() + "/kafka").body())
                .contains(topic, firewall.getId().toString(), "headers_key", "(ready)");

        // deletion is refused before the tenant is offboarded and exported
        HttpResponse<String> offboardingPage = officer.get("/tenants/" + leaver + "/offboarding");
        assertThat(offboardingPage.statusCode()).isEqualTo(200);
        assertThat(offboardingPage.body()).contains("soc-events." + leaver + ".", "soc-alerts." + leaver,
                "Only an offboarded tenant can be deleted");
        officer.post("/tenants/" + leaver + "/offboarding/delete", Map.of("confirmation", leaver));
        assertThat(tenantExists(leaver)).isTrue();
        assertThat(officer.postJson("/api/v1/tenants/" + leaver + "/status", "{\"status\":\"LIVE\"}").statusCode())
                .as("go-live not approved").isEqualTo(409);
        HttpResponse<String> offboarded = officer.postJson("/api/v1/tenants/" + leaver + "/status",
                "{\"status\":\"OFFBOARDED\",\"reason\":\"contract ended\"}");
        assertThat(offboarded.statusCode()).isEqualTo(200);
        assertThat(offboarded.body()).contains("\"status\":\"OFFBOARDED\"");
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc().queryForObject(
                "select count(*) from ingest_token where tenant_id = ? and revoked_at is null", Long.class, leaver)))
                .as("offboarding revokes the ingest tokens").isZero();

        // export: a ZIP of the leaver's rows and documents, and nothing of the keeper
        officer.get("/tenants/" + leaver + "/offboarding");
        HttpResponse<byte[]> export = officer.postForBytes("/tenants/" + leaver + "/offboarding/export", Map.of());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, String> zip = unzip(export.body());
        assertThat(zip).containsKeys("manifest.json", "postgresql/tenant.ndjson", "postgresql/source.ndjson",
                "postgresql/ingest_token.ndjson", "postgresql/alert.ndjson", "postgresql/case_file.ndjson",
                "postgresql/case_entry.ndjson", "postgresql/audit_log.ndjson", "postgresql/onboarding_item.ndjson",
                "postgresql/discovery_response.ndjson", "opensearch/events.ndjson", "opensearch/alerts.ndjson");
        assertThat(zip.get("postgresql/tenant.ndjson")).contains("\"tenant_id\":\"" + leaver + "\"");
        assertThat(zip.get("postgresql/source.ndjson")).contains("Perimeter firewall");
        assertThat(zip.get("postgresql/ingest_token.ndjson")).contains("token_prefix").doesNotContain("sha256");
        assertThat(zip.get("postgresql/case_file.ndjson")).contains("Leaver case " + marker);
        assertThat(zip.get("postgresql/discovery_response.ndjson")).contains("ALL_USERS", "Sophos", adminName);
        assertThat(zip.get("opensearch/events.ndjson")).contains(marker, "soc-events." + leaver + ".");
        assertThat(zip.get("opensearch/alerts.ndjson")).contains("soc-alerts." + leaver);
        assertThat(String.join("\n", zip.values())).doesNotContain(keeper);

        // typed confirmation must match, then everything of the leaver goes
        officer.get("/tenants/" + leaver + "/offboarding");
        officer.post("/tenants/" + leaver + "/offboarding/delete", Map.of("confirmation", "not-" + leaver));
        assertThat(tenantExists(leaver)).isTrue();
        HttpResponse<String> deleted = officer.post("/tenants/" + leaver + "/offboarding/delete", Map.of("confirmation", leaver));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/tenants");

        assertThat(tenantExists(leaver)).isFalse();
        List<String> tenantTables = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc().queryForList(
                "select table_name from information_schema.columns where table_schema = current_schema()"
                        + " and column_name = 'tenant_id'", String.class));
        for (String table : tenantTables) {
            long left = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc().queryForObject(
                    "select count(*) from " + table + " where tenant_id = ?", Long.class, leaver));
            assertThat(left).as(table + " rows of the deleted tenant").isEqualTo(table.equals("audit_log") ? 1 : 0);
        }
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc().queryForObject(
                "select action from audit_log where tenant_id = ?", String.class, leaver))).isEqualTo("tenant.deleted");
        assertThat(Http.send("GET", openSearch + "/_cat/indices/*." + leaver + "*?format=json", null).body())
                .isEqualTo("[]");
        Await.until(DiscoveryRoadmapAndOffboardingEndToEndTest::topics, t -> !t.contains(topic), "collector topic deleted");

        // the keeper is untouched
        assertThat(tenantExists(keeper)).isTrue();
        assertThat(TenantScope.call(keeper, () -> platform.webBean(SourceService.class).forTenant(keeper))).hasSize(1);
        assertThat(TenantScope.call(keeper, () -> platform.webBean(AlertQueue.class).firstPage(keeper))).isNotEmpty();
        assertThat(Http.count(openSearch, "soc-events." + keeper + ".*", "*")).isEqualTo(keeperEvents);
        assertThat(Http.count(openSearch, "soc-alerts." + keeper, "*")).isPositive();
    }

    private static boolean tenantExists(String tenant) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(TenantService.class).find(tenant)).isPresent();
    }

    private static JdbcTemplate jdbc() {
        return platform.webBean(JdbcTemplate.class);
    }

    private static java.util.Set<String> topics() throws Exception {
        try (AdminClient admin = AdminClient.create(platform.webBean(KafkaAdmin.class).getConfigurationProperties())) {
            return admin.listTopics().names().get();
        }
    }

    private static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(EventJson.readObject(entries.get("manifest.json"))).containsEntry("tenantId", leaver);
        return entries;
    }
}
