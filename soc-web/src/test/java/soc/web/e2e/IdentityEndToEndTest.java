package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.events.EventJson;
import soc.tenants.apitokens.ApiTokens;
import soc.tenants.audit.AuditEntry;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;
import soc.tenants.users.SecondFactor;
import soc.tenants.users.Totp;
import soc.tenants.users.UserAccounts;

/**
 * Identity as users meet it: sign-in with an authenticator code, lockout by wrong codes, personal API tokens
 * on the REST API (tenant-scoped, revocable), the OpenAPI description, and user administration.
 */
class IdentityEndToEndTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void aUserEnrolsAnAuthenticatorAndThenNeedsItsCodeToSignIn() throws Exception {
        String user = unique("mfa");
        platform.newUser(user, Role.SOC_ANALYST, null);
        WebSession session = WebSession.signIn(platform.webUrl(), user, RunningPlatform.PASSWORD);

        HttpResponse<String> enrolment = session.get("/account/mfa");
        assertThat(enrolment.body()).contains("otpauth://totp/SOC%20platform:" + user).contains("<svg");
        String secret = text(enrolment.body(), "mfa-secret").replace(" ", "");
        assertThat(location(session.post("/account/mfa", Map.of("code", wrongCode(secret))))).contains("/account/mfa?error");
        assertThat(location(session.post("/account/mfa", Map.of("code", Totp.code(secret, Instant.now()))))).endsWith("/account");
        // the secret is never shown again
        assertThat(location(session.get("/account/mfa"))).endsWith("/account");
        assertThat(session.get("/account").body()).doesNotContain(secret.substring(0, 8));

        WebSession next = WebSession.anonymous(platform.webUrl());
        next.get("/login");
        assertThat(location(next.post("/login", Map.of("username", user, "password", RunningPlatform.PASSWORD))))
                .endsWith("/login/mfa");
        // half signed in: every page leads back to the code, the API says 401
        assertThat(location(next.get("/alerts"))).endsWith("/login/mfa");
        assertThat(next.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(next.get("/login/mfa").body()).contains("name=\"code\"");
        assertThat(location(next.post("/login/mfa", Map.of("code", wrongCode(secret))))).endsWith("/login/mfa?error");
        assertThat(location(next.post("/login/mfa", Map.of("code", Totp.code(secret, Instant.now().plusSeconds(30))))))
                .endsWith("/alerts");
        assertThat(next.get("/alerts").statusCode()).isEqualTo(200);
        assertThat(EventJson.readObject(next.get("/api/v1/me").body())).containsEntry("username", user);

        assertThat(auditActions(user)).contains("mfa.enrolment-failed", "mfa.enrolled", "login.password-accepted",
                "mfa.failure", "login.success");
    }

    @Test
    void wrongCodesLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        String user = unique("mfa-lock");
        platform.newUser(user, Role.TENANT_ANALYST, tenantWithSource("lock"));
        String secret = Totp.newSecret();
        assertThat(platform.webBean(SecondFactor.class).enrol(user, secret, Totp.code(secret, Instant.now()))).isTrue();

        WebSession attacker = WebSession.anonymous(platform.webUrl());
        attacker.get("/login");
        attacker.post("/login", Map.of("username", user, "password", RunningPlatform.PASSWORD));
        attacker.get("/login/mfa");
        String last = "";
        for (int i = 0; i < 5; i++) {
            last = location(attacker.post("/login/mfa", Map.of("code", wrongCode(secret))));
        }
        assertThat(last).endsWith("/login?locked");
        assertThatThrownBy(() -> WebSession.signIn(platform.webUrl(), user, RunningPlatform.PASSWORD))
                .as("even the right password is refused while locked").isInstanceOf(IllegalStateException.class);

        WebSession admin = platformAdmin();
        long id = platform.webBean(UserAccounts.class).findForSignIn(user).orElseThrow().getId();
        assertThat(admin.get("/users").body()).contains("unlock-" + user);
        follow(admin, admin.post("/users/" + id + "/unlock", Map.of()));
        WebSession again = WebSession.anonymous(platform.webUrl());
        again.get("/login");
        assertThat(location(again.post("/login", Map.of("username", user, "password", RunningPlatform.PASSWORD))))
                .endsWith("/login/mfa");
        assertThat(auditActions(user)).contains("mfa.failure");
        assertThat(auditAbout(user)).contains("user.unlocked");
    }

    @Test
    void aPersonalApiTokenActsAsItsTenantAdminOnlyOnTheirTenantUntilRevoked() throws Exception {
        String mine = tenantWithSource("api");
        String other = tenantWithSource("api-other");
        String admin = unique("api-admin");
        platform.newUser(admin, Role.TENANT_ADMIN, mine);
        WebSession session = WebSession.signIn(platform.webUrl(), admin, RunningPlatform.PASSWORD);
        session.get("/account");
        assertThat(location(session.post("/account/tokens", Map.of("name", "ci pipeline", "days", "30"))))
                .contains("/account");
        String page = session.get("/account").body();
        String token = text(page, "issued-api-token");
        assertThat(token).startsWith("soc_pat_");
        assertThat(session.get("/account").body()).as("shown once").doesNotContain(token).contains("ci pipeline");

        HttpResponse<String> tenants = api("GET", "/api/v1/tenants", token, null);
        assertThat(tenants.statusCode()).isEqualTo(200);
        List<?> list = EventJson.read(tenants.body(), List.class);
        assertThat(list).hasSize(1);
        assertThat(((Map<?, ?>) list.get(0)).get("id")).isEqualTo(mine);
        assertThat(tenants.body()).doesNotContain(other);
        assertThat(api("GET", "/api/v1/tenants/" + other, token, null).statusCode()).isIn(403, 404);
        assertThat(api("GET", "/api/v1/tenants/" + other + "/sources", token, null).statusCode()).isIn(403, 404);
        HttpResponse<String> sources = api("GET", "/api/v1/tenants/" + mine + "/sources", token, null);
        assertThat(sources.statusCode()).isEqualTo(200);
        assertThat(sources.body()).contains("\"health\"").doesNotContain("soc_ing_").doesNotContain("sha256");
        // a bearer request needs no CSRF token; the tenant admin may maintain their own assets
        HttpResponse<String> asset = api("POST", "/api/v1/tenants/" + mine + "/assets", token,
                "{\"name\":\"api-plc\",\"addresses\":[\"10.9.0.5\"],\"type\":\"PLC\",\"criticality\":\"HIGH\",\"purdueLevel\":1}");
        assertThat(asset.statusCode()).as(asset.body()).isEqualTo(201);
        assertThat(api("POST", "/api/v1/tenants/" + other + "/assets", token,
                "{\"name\":\"x\",\"type\":\"PLC\"}").statusCode()).isIn(403, 404);
        assertThat(api("POST", "/api/v1/tenants/" + mine + "/sources", token,
                "{\"name\":\"x\",\"type\":\"FIREWALL\"}").statusCode()).as("sources are the onboarding officer's").isEqualTo(403);
        assertThat(api("GET", "/api/v1/users", token, null).statusCode()).isEqualTo(403);

        Matcher revoke = Pattern.compile("action=\"(/account/tokens/[0-9a-f-]+/revoke)\"").matcher(page);
        assertThat(revoke.find()).isTrue();
        assertThat(location(session.post(revoke.group(1), Map.of()))).contains("/account");
        HttpResponse<String> revoked = api("GET", "/api/v1/tenants", token, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).doesNotContain(mine);
        assertThat(api("GET", "/api/v1/tenants", "soc_pat_made-up", null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/v1/tenants", null, null).statusCode()).as("no credentials").isEqualTo(401);
        assertThat(auditActions(admin)).contains("api-token.created", "api-token.revoked", "asset.created");
    }

    @Test
    void anOnboardingOfficerRegistersATenantAndItsSourcesThroughTheApi() throws Exception {
        String officer = unique("api-officer");
        platform.newUser(officer, Role.ONBOARDING_OFFICER, null);
        String token = platform.webBean(ApiTokens.class).create(officer, "onboarding script", Duration.ofDays(7)).secret();
        String tenant = RunningPlatform.uniqueTenant("api-new");
        HttpResponse<String> created = api("POST", "/api/v1/tenants", token, "{\"id\":\"" + tenant
                + "\",\"name\":\"Cyngor API\",\"kind\":\"COUNTY_COUNCIL\",\"region\":\"Wales\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(EventJson.readObject(created.body())).containsEntry("id", tenant).containsEntry("status", "ONBOARDING");
        assertThat(api("POST", "/api/v1/tenants", token, "{\"id\":\"Not Valid\",\"name\":\"x\",\"kind\":\"OTHER\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> source = api("POST", "/api/v1/tenants/" + tenant + "/sources", token,
                "{\"name\":\"Edge firewall\",\"type\":\"FIREWALL\",\"ingestMethod\":\"HTTP_TOKEN\"}");
        assertThat(source.statusCode()).as(source.body()).isEqualTo(201);
        assertThat(EventJson.readObject(source.body())).containsEntry("health", "WAITING");
        assertThat(api("GET", "/api/v1/tenants/" + tenant + "/sources", token, null).body()).contains("Edge firewall");
        assertThat(auditActions(officer)).contains("tenant.registered");
    }

    @Test
    void theOpenApiDescriptionListsTheApiForSignedInUsersOnly() throws Exception {
        String analyst = unique("docs");
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        WebSession session = WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD);
        HttpResponse<String> docs = session.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/v1/tenants\"", "\"/api/v1/tenants/{id}/sources\"",
                "\"/api/v1/tenants/{id}/assets\"", "\"/api/v1/users\"", "\"/api/v1/audit\"", "\"/api/v1/me\"",
                "personalApiToken");
        assertThat(location(session.get("/swagger-ui.html"))).contains("/swagger-ui/index.html");
        assertThat(session.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = WebSession.anonymous(platform.webUrl()).get("/v3/api-docs");
        assertThat(anonymous.statusCode()).isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("/api/v1/tenants");
    }

    @Test
    void aPlatformAdminManagesUsersAndADisabledUserCanNeitherSignInNorUseTheirTokens() throws Exception {
        String tenant = tenantWithSource("users");
        WebSession admin = platformAdmin();
        String username = unique("managed");
        admin.get("/users");
        assertThat(location(admin.post("/users", Map.of("username", username, "displayName", "Managed User",
                "email", username + "@council.example", "role", "TENANT_ANALYST", "tenantId", tenant))))
                .endsWith("/users");
        String initial = text(admin.get("/users").body(), "shown-password");
        assertThat(admin.get("/users").body()).as("shown once").doesNotContain(initial);
        WebSession.signIn(platform.webUrl(), username, initial);
        long id = platform.webBean(UserAccounts.class).findForSignIn(username).orElseThrow().getId();
        String token = platform.webBean(ApiTokens.class).create(username, "script", Duration.ofDays(1)).secret();
        assertThat(api("GET", "/api/v1/tenants", token, null).statusCode()).isEqualTo(200);

        follow(admin, admin.post("/users/" + id + "/enabled", Map.of("enabled", "false")));
        assertThatThrownBy(() -> WebSession.signIn(platform.webUrl(), username, initial))
                .isInstanceOf(IllegalStateException.class);
        assertThat(api("GET", "/api/v1/tenants", token, null).statusCode()).isEqualTo(401);
        follow(admin, admin.post("/users/" + id + "/enabled", Map.of("enabled", "true")));
        WebSession.signIn(platform.webUrl(), username, initial);

        follow(admin, admin.post("/users/" + id + "/role", Map.of("role", "TENANT_ADMIN")));
        assertThat(platform.webBean(UserAccounts.class).findForSignIn(username).orElseThrow().getRole())
                .isEqualTo(Role.TENANT_ADMIN);
        assertThat(follow(admin, admin.post("/users/" + id + "/role", Map.of("role", "PLATFORM_ADMIN"))))
                .contains("A tenant user can only have a tenant role");
        assertThat(platform.webBean(UserAccounts.class).findForSignIn(username).orElseThrow().getRole())
                .as("a tenant user cannot become provider staff").isEqualTo(Role.TENANT_ADMIN);

        String reset = text(follow(admin, admin.post("/users/" + id + "/password", Map.of())), "shown-password");
        assertThatThrownBy(() -> WebSession.signIn(platform.webUrl(), username, initial)).isInstanceOf(IllegalStateException.class);
        WebSession.signIn(platform.webUrl(), username, reset);

        assertThat(auditActions(username)).isNotEmpty();
        assertThat(auditAbout(username)).contains("user.created", "user.disabled", "user.enabled", "role.changed", "user.password-reset");
        // and the same through the API, as a platform admin with a token
        String adminToken = platform.webBean(ApiTokens.class).create(adminName, "admin script", Duration.ofDays(1)).secret();
        HttpResponse<String> users = api("GET", "/api/v1/users", adminToken, null);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains(username).doesNotContain("password").doesNotContain("{bcrypt}");
        assertThat(api("POST", "/api/v1/users/" + id + "/enabled", adminToken, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> WebSession.signIn(platform.webUrl(), username, reset)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredIdentityProviderTheSignInPageOffersOnlyTheForm() throws Exception {
        String page = WebSession.anonymous(platform.webUrl()).get("/login").body();
        assertThat(page).contains("name=\"password\"").doesNotContain("/oauth2/authorization");
    }

    // --- helpers ---

    private static String adminName;

    private static WebSession platformAdmin() throws Exception {
        if (adminName == null) {
            adminName = unique("padmin");
            platform.newUser(adminName, Role.PLATFORM_ADMIN, null);
        }
        return WebSession.signIn(platform.webUrl(), adminName, RunningPlatform.PASSWORD);
    }

    private static String tenantWithSource(String prefix) {
        String tenant = RunningPlatform.uniqueTenant(prefix);
        platform.newTenantWithToken(tenant, "auto");
        return tenant;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static List<String> auditActions(String actor) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(AuditLog.class).latest()).stream()
                .filter(entry -> entry.getActor().equals(actor)).map(AuditEntry::getAction).toList();
    }

    /** Entries whose detail names the user: what others (admins) did to the account. */
    private static List<String> auditAbout(String username) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(AuditLog.class).latest()).stream()
                .filter(e -> e.getDetail() != null && e.getDetail().contains(username)).map(AuditEntry::getAction).toList();
    }

    /** Follows a redirect as a browser would (flash messages show on the page it leads to). */
    private static String follow(WebSession session, HttpResponse<String> response) throws Exception {
        String target = URI.create(location(response)).getPath();
        return session.get(target).body();
    }

    private static HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.webUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
        assertThat(matcher.find()).as("element #" + id).isTrue();
        return matcher.group(1).trim();
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("redirect expected, body: " + response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    /** A code that is wrong for every step the server accepts around now. */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate * 7919 % 1_000_000);
            boolean valid = false;
            for (int drift = -2; drift <= 2; drift++) {
                valid |= code.equals(Totp.code(secret, now.plusSeconds(30L * drift)));
            }
            if (!valid) {
                return code;
            }
        }
    }
}
