package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import soc.cases.alerts.AlertQueue;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseStatus;
import soc.cases.cases.CaseView;
import soc.cases.cases.EntryKind;
import soc.cases.cases.Cases;
import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.onboarding.Onboarding;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.apitokens.ApiTokens;
import soc.cases.alerts.AlertQuery;
import soc.cases.filters.SavedFilters;
import soc.cases.playbooks.Playbooks;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;

/**
 * Every page and API of the web application, called by users of one tenant with the ids of another tenant:
 * each answers 403 or 404 and shows none of the other tenant's data. New endpoints are picked up automatically
 * from the application's request mappings; one with a path variable this suite cannot fill fails the suite.
 */
class CrossTenantAccessEndToEndTest {
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Public endpoints, and those that only ever act on the signed-in user's own data. */
    private static final Set<String> NOT_TENANT_SCOPED = Set.of("/login", "/error", "/", "/logout",
            // the signed-in user's own second factor, account and API tokens (revoking one by id is probed below)
            "/login/mfa", "/login/mfa/enrol", "/account", "/account/mfa", "/account/tokens", "/api/v1/me",
            // the API documentation UI (no data; its redirect to /swagger-ui/index.html echoes the query string)
            "/swagger-ui.html",
            // saving a queue filter of one's own (deleting one by id is probed)
            "/alerts/filters");

    private static RunningPlatform platform;
    private static String victim;
    private static String victimMarker;
    private static Map<String, String> victimIds;
    private static String victimUserName;

    @BeforeAll
    static void victimTenantWithData() throws Exception {
        platform = RunningPlatform.get();
        victim = RunningPlatform.uniqueTenant("victim");
        String token = platform.newTenantWithToken(victim, "auto");
        victimMarker = "m" + UUID.randomUUID().toString().replace("-", "");
        Http.ingest(platform.ingestUrl(), token, "text/plain", "<13>1 - victim-host app - - - mimikatz " + victimMarker);
        Await.until(() -> TenantScope.call(victim, () -> platform.webBean(AlertQueue.class).firstPage(victim)),
                rows -> !rows.isEmpty(), "victim's alert");
        Source source = TenantScope.call(victim, () -> platform.webBean(SourceService.class).forTenant(victim).get(0));
        long itemId = TenantScope.call(victim, () -> platform.webBean(Onboarding.class).journey(victim, null).items().get(0).getId());
        UUID assetId = TenantScope.call(victim, () -> platform.webBean(AssetService.class).create("test", victim,
                AssetSpec.parse("victim-plc", "10.66.0.7", "PLC", "CRITICAL", "1", "OT-cell-1", null)).getId());
        String alertId = TenantScope.call(victim, () -> platform.webBean(AlertQueue.class).firstPage(victim)).get(0).alertId();
        long caseId = TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(Cases.class)
                .createFromAlerts(CaseActor.provider("test"), List.of(alertId), "Victim case " + victimMarker)).caseId();
        String victimUser = "victim-admin-" + UUID.randomUUID().toString().substring(0, 6);
        victimUserName = victimUser;
        platform.newUser(victimUser, Role.TENANT_ADMIN, victim);
        long userId = platform.webBean(UserAccounts.class).findForSignIn(victimUser).orElseThrow().getId();
        UUID apiTokenId = platform.webBean(ApiTokens.class).create(victimUser, "victim token " + victimMarker,
                Duration.ofDays(30)).token().getId();
        victimIds = new HashMap<>(Map.of("id", victim, "sourceId", source.getId().toString(), "itemId", Long.toString(itemId),
                "assetId", assetId.toString(), "alertId", alertId, "caseId", Long.toString(caseId),
                "code", "SOURCE_FIREWALL", "userId", Long.toString(userId), "tokenId", apiTokenId.toString()));
        // playbook task of the victim's case, and a saved queue filter of the victim's admin (soc.web.cases, soc.web.alerts)
        victimIds.put("taskId", Long.toString(TenantScope.call(victim, () -> platform.webBean(Playbooks.class)
                .tasks(CaseActor.provider("test"), caseId)).get(0).taskId()));
        victimIds.put("filterId", Long.toString(TenantScope.call(victim, () -> platform.webBean(SavedFilters.class)
                .save(victimUser, victim, "victim filter", AlertQuery.parse("severity=HIGH"))).filterId()));
        // an observable on the victim's case (soc.cases.observables: change and remove)
        TenantScope.run(victim, () -> platform.webBean(soc.cases.observables.Observables.class).add(
                CaseActor.provider("test"), caseId, soc.cases.observables.ObservableKind.DOMAIN, victimMarker + ".example"));
        victimIds.put("observableId", Long.toString(TenantScope.call(victim, () -> platform
                .webBean(soc.cases.observables.Observables.class).list(CaseActor.provider("test"), caseId)).stream()
                .filter(o -> o.value().equals(victimMarker + ".example")).findFirst().orElseThrow().observableId()));
        // evidence file and a link to a second case of the victim (soc.cases.attachments, soc.cases.links)
        victimIds.put("attachmentId", Long.toString(TenantScope.call(TenantScope.ALL_TENANTS, () -> platform
                .webBean(soc.cases.attachments.Attachments.class).upload(CaseActor.provider("test"), caseId,
                        "victim-evidence.txt", "text/plain", 10, new java.io.ByteArrayInputStream(
                                victimMarker.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).id()));
        long secondCase = TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(Cases.class).create(
                CaseActor.provider("test"), victim, "Second victim case " + victimMarker, soc.events.Severity.LOW)).caseId();
        victimIds.put("linkId", Long.toString(TenantScope.call(TenantScope.ALL_TENANTS, () -> platform
                .webBean(soc.cases.links.CaseLinks.class).link(CaseActor.provider("test"), caseId, secondCase,
                        soc.cases.links.LinkKind.RELATED))));
        // a threat indicator of the victim (soc.cases.indicators)
        victimIds.put("indicatorId", TenantScope.call(TenantScope.ALL_TENANTS, () -> platform
                .webBean(soc.cases.indicators.Indicators.class).add("test", new soc.cases.indicators.NewIndicator(victim,
                        soc.events.ThreatIndicator.Type.DOMAIN, victimMarker + ".example", "test", victimMarker, null)))
                .indicatorId());
        // rule management (soc.web.rules): a catalog rule, the victim's exception to it and a custom rule of the victim
        String ruleId = soc.detect.rules.BuiltInRules.CREDENTIAL_DUMPING_TOOL.id();
        victimIds.put("ruleId", ruleId);
        soc.tenants.detection.DetectionSettings ruleSettings = platform.webBean(soc.tenants.detection.DetectionSettings.class);
        victimIds.put("exceptionId", TenantScope.call(victim, () -> ruleSettings.addException("test", victim, ruleId,
                "host.name", soc.events.TenantDetectionConfig.Operator.EQUALS, "victim-host", "Victim exception "
                        + victimMarker, null)).id().toString());
        victimIds.put("customRuleId", TenantScope.call(victim, () -> ruleSettings.createCustomRule("test", victim,
                "victim-rule-" + victimMarker, "Victim rule " + victimMarker, "high", "title: Victim rule " + victimMarker
                        + "\nid: victim-rule-" + victimMarker + "\nlogsource: {product: syslog}\ndetection:\n  sel:\n"
                        + "    message|contains: " + victimMarker + "\n  condition: sel\n")).id().toString());
    }

    @Test
    void tenantUsersOfAnotherTenantGetNothingFromAnyEndpoint() throws Exception {
        String attacker = RunningPlatform.uniqueTenant("attacker");
        platform.newTenantWithToken(attacker, "auto");
        for (Role role : new Role[] {Role.TENANT_ADMIN, Role.TENANT_ANALYST}) {
            String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
            platform.newUser(username, role, attacker);
            WebSession session = WebSession.signIn(platform.webUrl(), username, RunningPlatform.PASSWORD);
            probeEveryEndpoint(session, username);
        }
    }

    private void probeEveryEndpoint(WebSession session, String who) throws Exception {
        List<String> probed = new ArrayList<>();
        RequestMappingHandlerMapping mappings = platform.web.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (NOT_TENANT_SCOPED.contains(pattern) || pattern.startsWith("/actuator")) {
                    continue;
                }
                String path = fill(pattern);
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                    String query = path.contains("?") ? "&" : "?";
                    HttpResponse<String> response = session.get(path + query + "tenant=" + victim);
                    assertNoVictimData(who, "GET " + path, response);
                    probed.add("GET " + pattern);
                }
                if (methods.contains(RequestMethod.POST)) {
                    HttpResponse<String> response = session.post(path, formFor(pattern));
                    assertThat(response.statusCode()).as(who + ": POST " + path).isIn(403, 404);
                    probed.add("POST " + pattern);
                }
            }
        }
        assertThat(probed).as("endpoints probed").contains("GET /tenants/{id}", "POST /tenants/{id}/sources",
                "GET /alerts", "GET /alerts/rows", "GET /alerts/{alertId}", "POST /alerts/triage", "GET /cases",
                "GET /cases/{caseId}", "POST /cases/{caseId}/comments", "POST /cases/{caseId}/status",
                "GET /tenants/{id}/discovery", "POST /tenants/{id}/discovery", "POST /tenants/{id}/roadmap/{code}",
                "POST /tenants/{id}/status", "POST /tenants/{id}/offboarding/export", "POST /tenants/{id}/offboarding/delete",
                "GET /api/v1/tenants/{id}/roadmap", "POST /api/v1/tenants/{id}/status",
                "GET /api/v1/tenants", "GET /api/v1/tenants/{id}/sources", "POST /api/v1/tenants/{id}/assets",
                "GET /users", "POST /users/{userId}/enabled", "POST /account/tokens/{tokenId}/revoke", "GET /v3/api-docs");
        // offboarding, status and discovery of the victim were not touched
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.tenants.tenants.TenantService.class).find(victim)))
                .hasValueSatisfying(t -> assertThat(t.getStatus()).isEqualTo(soc.tenants.tenants.TenantStatus.ONBOARDING));
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.tenants.discovery.Discovery.class).history(victim))).isEmpty();
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.tenants.offboarding.Offboarding.class).exports(victim))).isEmpty();
        assertThat(probed).as("SLA, playbook, observables, filters, API").contains("POST /cases/{caseId}/tasks/{taskId}",
                "POST /cases/{caseId}/observables", "POST /cases/{caseId}/type", "POST /alerts/filters/{filterId}/delete",
                "GET /api/v1/cases/{caseId}", "POST /api/v1/cases/{caseId}/status", "POST /api/v1/cases/{caseId}/tasks/{taskId}",
                "GET /api/v1/alerts/{alertId}", "GET /api/v1/alerts", "GET /api/v1/cases/response-metrics");
        assertThat(TenantScope.call(victim, () -> platform.webBean(Playbooks.class)
                .tasks(CaseActor.provider("test"), Long.parseLong(victimIds.get("caseId"))))).noneMatch(t -> t.isDone());
        assertThat(TenantScope.call(victim, () -> platform.webBean(SavedFilters.class).of(victimUserName))).hasSize(1);
        assertThat(probed).as("posture, programme, monthly report").contains("GET /posture", "POST /posture/{id}/assessment",
                "GET /posture/report", "GET /posture/report.pdf", "GET /programme", "GET /api/v1/posture",
                "GET /api/v1/programme");
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.tenants.posture.MaturityAssessments.class)
                .history(victim))).as("no self-assessment injected into the victim").isEmpty();
        assertThat(probed).as("evidence, links, exports, notifications").contains(
                "GET /cases/{caseId}/attachments/{attachmentId}", "POST /cases/{caseId}/attachments",
                "POST /cases/{caseId}/links", "POST /cases/{caseId}/links/{linkId}/delete", "POST /cases/{caseId}/severity",
                "POST /cases/{caseId}/observables/{observableId}", "POST /cases/{caseId}/observables/{observableId}/delete",
                "POST /api/v1/cases/{caseId}/observables/{observableId}",
                "GET /cases/{caseId}/export.pdf", "GET /cases/{caseId}/export.md", "GET /tenants/{id}/notifications",
                "POST /tenants/{id}/notifications", "POST /tenants/{id}/notifications/secret",
                "GET /api/v1/cases/{caseId}/attachments/{attachmentId}", "POST /api/v1/cases/{caseId}/links",
                "GET /api/v1/cases/{caseId}/notifications", "GET /api/v1/tenants/{id}/notifications");
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.cases.links.CaseLinks.class)
                .of(CaseActor.provider("test"), Long.parseLong(victimIds.get("caseId"))))).hasSize(1);
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.cases.observables.Observables.class)
                .list(CaseActor.provider("test"), Long.parseLong(victimIds.get("caseId")))))
                .as("the victim's observable neither changed nor removed")
                .extracting(o -> o.observableId() + " " + o.value())
                .contains(victimIds.get("observableId") + " " + victimMarker + ".example");
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.cases.attachments.Attachments.class)
                .list(CaseActor.provider("test"), Long.parseLong(victimIds.get("caseId"))))).hasSize(1);
        assertThat(TenantScope.call(victim, () -> platform.webBean(soc.cases.notifications.NotificationSettings.class)
                .of(victim)).hasSecret()).as("victim's webhook secret untouched").isFalse();
        // nothing the attacker posted changed the victim's tenant
        assertThat(platform.webBean(ApiTokens.class).ofUser(victimUserName).get(0).getRevokedAt()).as("victim's API token").isNull();
        assertThat(platform.webBean(UserAccounts.class).findForSignIn(victimUserName).orElseThrow().isEnabled()).isTrue();
        assertThat(TenantScope.call(victim, () -> platform.webBean(SourceService.class).forTenant(victim))).hasSize(1);
        CaseView victimCase = TenantScope.call(victim, () -> platform.webBean(Cases.class)
                .view(CaseActor.provider("test"), Long.parseLong(victimIds.get("caseId"))));
        assertThat(victimCase.file().status()).isEqualTo(CaseStatus.NEW);
        assertThat(victimCase.timeline()).noneMatch(entry -> entry.kind() == EntryKind.COMMENT);
        assertThat(TenantScope.call(victim, () -> platform.webBean(AssetService.class).forTenant(victim)))
                .extracting(asset -> asset.getName()).containsExactly("victim-plc");
    }

    private static void assertNoVictimData(String who, String what, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            assertThat(response.body()).as(who + ": " + what).doesNotContain(victim).doesNotContain(victimMarker);
        } else {
            assertThat(status).as(who + ": " + what).isIn(302, 403, 404);
            if (status == 302) {
                assertThat(response.headers().firstValue("Location").orElse(""))
                        .as(who + ": " + what + " redirects only to their own pages").doesNotContain(victim);
            }
        }
    }

    private static String fill(String pattern) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = victimIds.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError("Cross-tenant suite cannot fill {" + matcher.group(1) + "} of " + pattern
                        + ": add an id of the victim tenant for it");
            }
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static Map<String, String> formFor(String pattern) {
        Map<String, String> form = new HashMap<>();
        form.put("id", "stolen-" + UUID.randomUUID().toString().substring(0, 6));
        form.put("name", "Injected");
        form.put("type", "FIREWALL");
        form.put("format", "auto");
        form.put("ingestMethod", "HTTP_TOKEN");
        form.put("criticality", "LOW");
        form.put("kind", "OTHER");
        form.put("serviceModel", "MANAGED");
        form.put("slaTier", "STANDARD");
        form.put("done", "true");
        form.put("username", "intruder-" + UUID.randomUUID().toString().substring(0, 6));
        form.put("displayName", "Intruder");
        form.put("role", "TENANT_ADMIN");
        form.put("alertIds", victimIds.get("alertId"));
        form.put("text", "Injected comment");
        form.put("status", "CLOSED");
        form.put("resolution", "Injected");
        form.put("rootCause", "OTHER");
        form.put("action", "acknowledge");
        form.put("tenantId", victim);
        form.put("title", "Injected case");
        form.put("severity", "LOW");
        return form;
    }
}
