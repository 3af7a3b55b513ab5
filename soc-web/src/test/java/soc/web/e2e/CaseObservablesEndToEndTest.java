package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.cases.cases.CaseActor;
import soc.cases.cases.Cases;
import soc.cases.observables.Observables;
import soc.events.Severity;
import soc.tenants.audit.AuditEntry;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;

/**
 * Changing and removing a case's observables (issue 6), over the real platform: an analyst corrects an observable
 * and removes another on the case page's forms, each change is on the case's timeline and in the audit log, a
 * change to a value the case already has is refused with a message; the tenant's own admin may not change them;
 * the same over the REST API.
 */
class CaseObservablesEndToEndTest {
    private static final Pattern ROW_FORMS = Pattern.compile("/cases/(\\d+)/observables/(\\d+)/delete");

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void anAnalystChangesAndRemovesObservablesAndEveryChangeIsRecorded() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("observe");
        platform.newTenantWithToken(tenant, "auto");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String analyst = "obs-analyst-" + suffix;
        String tenantAdmin = "obs-tadmin-" + suffix;
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        platform.newUser(tenantAdmin, Role.TENANT_ADMIN, tenant);
        long caseId = TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(Cases.class)
                .create(CaseActor.provider("test"), tenant, "Observables " + suffix, Severity.MEDIUM)).caseId();
        String page = "/cases/" + caseId;

        WebSession session = WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD);
        session.get(page);
        session.post(page + "/observables", Map.of("kind", "IP", "value", "10.1.2.3"));
        session.get(page);
        session.post(page + "/observables", Map.of("kind", "HOST", "value", "ws-" + suffix));
        String html = session.get(page).body();
        long ipId = observableId(html, "10.1.2.3");
        long hostId = observableId(html, "ws-" + suffix);

        // a mistyped observable is corrected: new kind and value, on the timeline and in the audit log
        assertThat(session.post(page + "/observables/" + ipId, Map.of("kind", "DOMAIN", "value", "Evil-" + suffix
                + ".Example")).statusCode()).isEqualTo(302);
        html = session.get(page).body();
        assertThat(html).contains("Observable changed.").contains("data-value=\"evil-" + suffix + ".example\"")
                .doesNotContain("data-value=\"10.1.2.3\"")
                .contains("changed the observable").contains("IP 10.1.2.3 \u2192 DOMAIN evil-" + suffix + ".example");

        // changing another one to a value the case already has is refused with a message, and changes nothing
        session.post(page + "/observables/" + hostId, Map.of("kind", "DOMAIN", "value", "evil-" + suffix + ".example"));
        html = session.get(page).body();
        assertThat(html).contains("The case already has that observable.").contains("data-value=\"ws-" + suffix + "\"");

        // the tenant's own admin reads the case but may not change its observables
        WebSession admin = WebSession.signIn(platform.webUrl(), tenantAdmin, RunningPlatform.PASSWORD);
        String adminView = admin.get(page).body();
        assertThat(adminView).contains("data-value=\"ws-" + suffix + "\"").doesNotContain("/observables/" + hostId + "/delete");
        assertThat(admin.post(page + "/observables/" + hostId + "/delete", Map.of()).statusCode()).isEqualTo(403);

        // removed: gone from the table, on the timeline
        session.get(page);
        assertThat(session.post(page + "/observables/" + hostId + "/delete", Map.of()).statusCode()).isEqualTo(302);
        html = session.get(page).body();
        assertThat(html).contains("Observable removed.").doesNotContain("data-value=\"ws-" + suffix + "\"")
                .contains("removed the observable").contains("HOST ws-" + suffix);
        // an observable of another case, or none, is not found
        assertThat(session.post(page + "/observables/" + (hostId + 1_000_000), Map.of("kind", "IP", "value", "10.0.0.1"))
                .statusCode()).isEqualTo(404);

        java.util.List<AuditEntry> audit = TenantScope.call(tenant, () -> platform.webBean(AuditLog.class).latest());
        assertThat(audit).filteredOn(e -> e.getTenantId().equals(tenant) && e.getActor().equals(analyst))
                .extracting(AuditEntry::getAction).contains("case.observable.change", "case.observable.remove");

        // the same over the REST API (session with CSRF header, as a script would)
        session.get(page);
        HttpResponse<String> added = session.postJson("/api/v1/cases/" + caseId + "/observables",
                "{\"kind\": \"USER\", \"value\": \"j.smith-" + suffix + "\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("j.smith-" + suffix);
        long userId = TenantScope.call(tenant, () -> platform.webBean(Observables.class)
                .list(CaseActor.provider("test"), caseId)).stream().filter(o -> o.value().equals("j.smith-" + suffix))
                .findFirst().orElseThrow().observableId();
        String userPath = "/api/v1/cases/" + caseId + "/observables/" + userId;
        HttpResponse<String> changed = session.postJson(userPath, "{\"kind\": \"USER\", \"value\": \"jo.smith-" + suffix + "\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("jo.smith-" + suffix).doesNotContain("\"j.smith-" + suffix);
        assertThat(session.postJson(userPath, "{\"kind\": \"IP\", \"value\": \"not an address\"}").statusCode()).isEqualTo(400);
        assertThat(session.delete(userPath).statusCode()).isEqualTo(204);
        assertThat(session.delete(userPath).statusCode()).as("already removed").isEqualTo(404);
        // the case's observables now: only the corrected one (the timeline keeps the history)
        assertThat(TenantScope.call(tenant, () -> platform.webBean(Observables.class).list(CaseActor.provider("test"), caseId)))
                .extracting(o -> o.kind() + " " + o.value()).containsExactly("DOMAIN evil-" + suffix + ".example");
        assertThat(session.get("/api/v1/cases/" + caseId).body()).contains("OBSERVABLE_REMOVED")
                .contains("USER jo.smith-" + suffix);
    }

    /** The observable id in the forms of the case page's row with the given value. */
    private static long observableId(String html, String value) {
        int row = html.indexOf("data-value=\"" + value + "\"");
        assertThat(row).as("observable row of " + value).isNotNegative();
        Matcher matcher = ROW_FORMS.matcher(html);
        assertThat(matcher.find(row)).as("the row's forms").isTrue();
        return Long.parseLong(matcher.group(2));
    }
}
