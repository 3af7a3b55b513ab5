package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import soc.tenants.users.Role;

/**
 * Every page and API of the web application, called by users of one tenant with the ids of another tenant:
 * each answers 403 or 404 and shows none of the other tenant's data. New endpoints are picked up automatically
 * from the application's request mappings; one with a path variable this suite cannot fill fails the suite.
 */
class CrossTenantAccessEndToEndTest {
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Public endpoints, and those that only ever act on the signed-in user's own data. */
    private static final Set<String> NOT_TENANT_SCOPED = Set.of("/login", "/error", "/", "/logout");

    private static RunningPlatform platform;
    private static String victim;
    private static String victimMarker;
    private static Map<String, String> victimIds;

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
        victimIds = Map.of("id", victim, "sourceId", source.getId().toString(), "itemId", Long.toString(itemId),
                "assetId", assetId.toString(), "alertId", alertId, "caseId", Long.toString(caseId));
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
                "GET /cases/{caseId}", "POST /cases/{caseId}/comments", "POST /cases/{caseId}/status");
        // nothing the attacker posted changed the victim's tenant
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
