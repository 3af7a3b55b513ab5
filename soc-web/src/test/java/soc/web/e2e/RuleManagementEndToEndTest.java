package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import soc.detect.config.TenantRuleSettings;
import soc.detect.rules.BuiltInRules;
import soc.events.TenantDetectionConfig;
import soc.tenants.detection.DetectionSettings;
import soc.tenants.detection.RuleCatalog;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;

/**
 * Rule management on the running platform: a tenant admin switches a rule off for their organisation and detection
 * stops alerting for it at once (another tenant still gets the alert, no restart); a custom rule with a YAML mistake
 * is refused with its line number, a correct one runs for that tenant only; a retro-hunt finds an event ingested
 * before the rule existed.
 */
class RuleManagementEndToEndTest {
    private static final String DUMPING = BuiltInRules.CREDENTIAL_DUMPING_TOOL.id();

    @Test
    void tenantAdminTunesDetectionForTheirOrganisationLive() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        String a = RunningPlatform.uniqueTenant("rules-a");
        String b = RunningPlatform.uniqueTenant("rules-b");
        String tokenA = platform.newTenantWithToken(a, "auto");
        String tokenB = platform.newTenantWithToken(b, "auto");
        String m = UUID.randomUUID().toString().substring(0, 8);
        String admin = "rules-admin-" + m;
        platform.newUser(admin, Role.TENANT_ADMIN, a);

        // an event of two hours ago, before any custom rule exists: the retro-hunt must find it later
        String past = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        ingest(platform, tokenA, "<13>1 " + past + " past-" + m + " app - - - retro-" + m + " staging copy of the SAM hive");
        // the rule works for A before it is switched off
        ingest(platform, tokenA, "<13>1 - base-" + m + " cmd - - - mimikatz sekurlsa::logonpasswords");
        awaitAlert(platform, a, DUMPING, "base-" + m);
        Await.until(() -> platform.webBean(RuleCatalog.class).find(DUMPING), r -> r.isPresent(), "rule catalog");

        WebSession session = WebSession.signIn(platform.webUrl(), admin, RunningPlatform.PASSWORD);
        HttpResponse<String> catalog = session.get("/rules?tactic=&technique=T1003");
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body()).contains("Credential dumping tool mentioned");
        HttpResponse<String> detail = session.get("/rules/" + DUMPING);
        assertThat(detail.body()).contains("This rule is on for this tenant").contains("SOC platform team");

        // switch it off for A: detection applies it live
        HttpResponse<String> off = session.post("/rules/tenants/" + a + "/rules/" + DUMPING + "/enabled",
                Map.of("enabled", "false"));
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(session.get("/rules/" + DUMPING).body()).contains("This rule is off for this tenant");
        TenantRuleSettings detection = platform.detect.getBean(TenantRuleSettings.class);
        Await.until(() -> detection.enabled(a, DUMPING), enabled -> !enabled, "rule off for " + a + " in detection");
        // a tenant admin manages their own tenant only
        assertThat(session.post("/rules/tenants/" + b + "/rules/" + DUMPING + "/enabled", Map.of("enabled", "false"))
                .statusCode()).isEqualTo(404);

        // a custom rule with a mistake on line 9 is refused with the line; a correct one is saved
        String yaml = """
                title: Staging copy of credential stores %s
                id: %s
                author: %s
                level: high
                tags: [attack.t1003.002, attack.credential-access]
                logsource: {product: syslog}
                detection:
                  selection:
                    message|containz: 'retro-%s'
                  condition: selection
                """;
        String customId = UUID.randomUUID().toString();
        HttpResponse<String> refused = session.post("/rules/tenants/" + a + "/custom",
                Map.of("yaml", yaml.formatted(m, customId, admin, m)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The rule was not saved").contains("Line 9:").contains("containz");
        HttpResponse<String> saved = session.post("/rules/tenants/" + a + "/custom",
                Map.of("yaml", yaml.formatted(m, customId, admin, m).replace("containz", "contains")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(session.get("/rules/tenants/" + a + "/custom").body()).contains(customId);
        Await.until(() -> detection.config(a).customRules().size(), n -> n == 1, "custom rule in detection");

        // same events for A and B: only B alerts on the switched-off rule; A's own rule alerts for A only
        ingest(platform, tokenA, "<13>1 - off-" + m + " cmd - - - mimikatz sekurlsa::logonpasswords");
        ingest(platform, tokenB, "<13>1 - on-" + m + " cmd - - - mimikatz sekurlsa::logonpasswords");
        ingest(platform, tokenA, "<13>1 - canary-" + m + " app - - - retro-" + m + " second copy");
        ingest(platform, tokenB, "<13>1 - canary-" + m + " app - - - retro-" + m + " second copy");
        awaitAlert(platform, b, DUMPING, "on-" + m);
        // A's events are in order on A's partition: once the later custom-rule alert is there, the earlier event was seen
        awaitAlert(platform, a, customId, "canary-" + m);
        assertThat(alerts(platform, a, DUMPING, "off-" + m)).as("switched off for " + a).isZero();
        assertThat(alerts(platform, b, customId, "canary-" + m)).as("custom rule of another tenant").isZero();

        // retro-hunt with the custom rule over A's past events finds the event of two hours ago
        HttpResponse<String> hunt = Await.until(() -> session.post("/rules/tenants/" + a + "/hunt", Map.of(
                "ruleId", customId, "from", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                "to", Instant.now().plus(1, ChronoUnit.HOURS).toString())),
                r -> r.body().contains("past-" + m), "retro-hunt hit");
        assertThat(hunt.statusCode()).isEqualTo(200);
        assertThat(hunt.body()).doesNotContain("hunt-error").doesNotContain(b);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(JdbcTemplate.class).queryForList(
                "select action from audit_log where tenant_id = ? order by at", String.class, a)))
                .contains("rule.disabled", "rule.custom.created", "rule.retrohunt");

        // the REST API gives the same settings
        HttpResponse<String> api = session.get("/api/v1/rules/tenants/" + a + "/settings");
        assertThat(api.body()).contains(DUMPING).contains(customId);
        assertThat(session.get("/api/v1/rules/tenants/" + b + "/settings").statusCode()).isEqualTo(404);

        // users of another tenant get nothing of A's settings from any rule page or API, and change nothing
        DetectionSettings settings = platform.webBean(DetectionSettings.class);
        String exceptionId = TenantScope.call(a, () -> settings.addException(admin, a, DUMPING, "host.name",
                TenantDetectionConfig.Operator.EQUALS, "pentest-" + m, "pen test " + m, null)).id().toString();
        String customRowId = TenantScope.call(a, () -> settings.customRuleByRuleId(a, customId)).orElseThrow().id()
                .toString();
        for (Role role : new Role[] {Role.TENANT_ADMIN, Role.TENANT_ANALYST}) {
            String other = "rules-other-" + UUID.randomUUID().toString().substring(0, 8);
            platform.newUser(other, role, b);
            WebSession intruder = WebSession.signIn(platform.webUrl(), other, RunningPlatform.PASSWORD);
            for (String get : new String[] {"/rules?tenant=" + a, "/rules/" + DUMPING + "?tenant=" + a,
                    "/rules/tenants/" + a + "/custom", "/api/v1/rules?q=" + m, "/api/v1/rules/" + DUMPING,
                    "/api/v1/rules/tenants/" + a + "/settings"}) {
                HttpResponse<String> r = intruder.get(get);
                assertThat(r.statusCode()).as(role + " GET " + get).isIn(200, 403, 404);
                if (r.statusCode() == 200) {
                    assertThat(r.body()).as(role + " GET " + get).doesNotContain(a).doesNotContain(m);
                }
            }
            Map<String, String> form = Map.of("enabled", "true", "field", "host.name", "operator", "EQUALS",
                    "value", "x", "reason", "x", "yaml", yaml.formatted("x", UUID.randomUUID(), other, "x")
                            .replace("containz", "contains"), "ruleId", customId);
            for (String post : new String[] {"/rules/tenants/" + a + "/rules/" + DUMPING + "/enabled",
                    "/rules/tenants/" + a + "/rules/" + DUMPING + "/exceptions",
                    "/rules/tenants/" + a + "/exceptions/" + exceptionId + "/delete", "/rules/tenants/" + a + "/custom",
                    "/rules/tenants/" + a + "/custom/" + customRowId + "/enabled",
                    "/rules/tenants/" + a + "/custom/" + customRowId + "/delete", "/rules/tenants/" + a + "/hunt",
                    "/api/v1/rules/tenants/" + a + "/rules/" + DUMPING + "/enabled",
                    "/api/v1/rules/tenants/" + a + "/custom", "/api/v1/rules/tenants/" + a + "/hunt"}) {
                assertThat(intruder.post(post, form).statusCode()).as(role + " POST " + post).isIn(403, 404);
            }
        }
        assertThat(TenantScope.call(a, () -> settings.snapshot(a))).satisfies(config -> {
            assertThat(config.disabledRules()).containsExactly(DUMPING);
            assertThat(config.customRules()).hasSize(1);
            assertThat(config.exceptions()).hasSize(1);
        });
    }

    private static void ingest(RunningPlatform platform, String token, String line) throws Exception {
        assertThat(Http.ingest(platform.ingestUrl(), token, "text/plain", line).statusCode()).isEqualTo(202);
    }

    private static long alerts(RunningPlatform platform, String tenant, String ruleId, String host) {
        Long n = TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(JdbcTemplate.class).queryForObject(
                "select count(*) from alert where tenant_id = ? and rule_id = ? and key_fields ->> 'host.name' = ?",
                Long.class, tenant, ruleId, host));
        return n == null ? 0 : n;
    }

    private static void awaitAlert(RunningPlatform platform, String tenant, String ruleId, String host) throws Exception {
        Await.until(() -> alerts(platform, tenant, ruleId, host), n -> n > 0, "alert " + ruleId + " for " + tenant
                + " on " + host);
    }
}
