package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import soc.events.EventJson;
import soc.tenants.audit.AuditEntry;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;
import soc.web.WebApplication;

/**
 * Single sign-on against a minimal OpenID Connect provider running in the test (discovery, authorization, token
 * and JWKS endpoints, RS256-signed ID tokens): a second web instance is configured for it by properties only.
 * A person the provider vouches for signs in as the local account with their e-mail; anyone else is refused with
 * a clear message and no account is created. The same instance requires an authenticator for platform admins
 * ({@code soc.web.mfa.required-roles}) and encrypts TOTP secrets ({@code soc.web.mfa.encryption-key}).
 */
class SingleSignOnEndToEndTest {
    private static RunningPlatform platform;
    private static StubIdentityProvider idp;
    private static ConfigurableApplicationContext web;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.get();
        idp = new StubIdentityProvider();
        Map<String, String> properties = new HashMap<>(platform.infra.springProperties());
        properties.put("server.port", "0");
        properties.put("soc.web.admin-password", RunningPlatform.PASSWORD);
        // the first instance consumes the topics; this one only serves sign-ins
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("spring.security.oauth2.client.registration.stub.client-id", "soc-web");
        properties.put("spring.security.oauth2.client.registration.stub.client-secret", "stub-secret");
        properties.put("spring.security.oauth2.client.registration.stub.client-name", "Council IdP");
        properties.put("spring.security.oauth2.client.registration.stub.scope", "openid,email");
        properties.put("spring.security.oauth2.client.provider.stub.issuer-uri", idp.issuer());
        // this instance also makes platform admins use an authenticator, and encrypts the stored secrets
        properties.put("soc.web.mfa.required-roles", "PLATFORM_ADMIN");
        properties.put("soc.web.mfa.encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        web = WebApplication.builder().run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
        if (idp != null) {
            idp.stop();
        }
    }

    @Test
    void aPersonWithALocalAccountSignsInThroughTheProviderWithTheirRoleAndTenant() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("sso");
        platform.newTenantWithToken(tenant, "auto");
        String username = "sso-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(username, Role.TENANT_ADMIN, tenant);
        UserAccounts accounts = platform.webBean(UserAccounts.class);
        long id = accounts.findForSignIn(username).orElseThrow().getId();
        TenantScope.run(TenantScope.ALL_TENANTS, () -> accounts.setProfile("test", id, null, username + "@Council.example"));

        SsoBrowser browser = new SsoBrowser(url());
        String login = browser.get("/login").body();
        assertThat(login).contains("Sign in with Council IdP").contains("/oauth2/authorization/stub");

        idp.nextEmail = username + "@council.example";
        assertThat(browser.signInThroughProvider()).as("a tenant admin's landing page").endsWith("/posture");
        Map<String, Object> me = EventJson.readObject(browser.get("/api/v1/me").body());
        assertThat(me).containsEntry("username", username).containsEntry("role", "TENANT_ADMIN").containsEntry("tenantId", tenant);
        String tenants = browser.get("/api/v1/tenants").body();
        assertThat(EventJson.read(tenants, List.class)).hasSize(1);
        assertThat(audit(username)).contains("login.success");
    }

    @Test
    void someoneWithoutALocalAccountIsRefusedWithAClearMessageAndNotProvisioned() throws Exception {
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 6) + "@elsewhere.example";
        idp.nextEmail = stranger;
        SsoBrowser browser = new SsoBrowser(url());
        browser.get("/login");
        String landing = browser.signInThroughProvider();
        assertThat(landing).contains("/login?sso-error=unknown_user");
        assertThat(browser.get(URI.create(landing).getRawPath() + "?" + URI.create(landing).getRawQuery()).body())
                .contains("no account on this platform matches you");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(platform.webBean(UserAccounts.class).findByEmailForSignIn(stranger)).isEmpty();
        assertThat(audit(stranger)).contains("login.failure");
    }

    @Test
    void aRoleThatRequiresAnAuthenticatorMustSetOneUpAtItsNextSignIn() throws Exception {
        String admin = "padmin-mfa-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(admin, Role.PLATFORM_ADMIN, null);
        WebSession session = WebSession.anonymous(url());
        session.get("/login");
        assertThat(redirect(session.post("/login", Map.of("username", admin, "password", RunningPlatform.PASSWORD))))
                .endsWith("/login/mfa/enrol");
        assertThat(redirect(session.get("/users"))).as("nothing else before enrolling").endsWith("/login/mfa/enrol");
        String page = session.get("/login/mfa/enrol").body();
        assertThat(page).contains("Your role requires a second factor");
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"mfa-secret\"[^>]*>([^<]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        String base32 = secret.group(1).replace(" ", "");
        assertThat(redirect(session.post("/login/mfa/enrol", Map.of("code", soc.tenants.users.Totp.code(base32, Instant.now())))))
                .endsWith("/alerts");
        assertThat(session.get("/users").statusCode()).isEqualTo(200);
        // stored encrypted: the database holds neither the secret nor anything readable without the key
        String stored = TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select mfa_secret from app_user where username = ?").param(admin).query(String.class).single());
        assertThat(stored).startsWith("aes:").doesNotContain(base32);
        // the next sign-in asks for the code
        WebSession next = WebSession.anonymous(url());
        next.get("/login");
        assertThat(redirect(next.post("/login", Map.of("username", admin, "password", RunningPlatform.PASSWORD))))
                .endsWith("/login/mfa");
    }

    private static String redirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    private static String url() {
        return "http://localhost:" + RunningPlatform.port(web);
    }

    private static List<String> audit(String actor) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(AuditLog.class).latest()).stream()
                .filter(e -> e.getActor().equals(actor)).map(AuditEntry::getAction).toList();
    }

    /** A browser's part: cookies, following the provider's redirects one by one. */
    private static final class SsoBrowser {
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        SsoBrowser(String base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return absolute(path.startsWith("http") ? path : base + path);
        }

        HttpResponse<String> absolute(String url) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Clicks "Sign in with ...", lets the provider answer and returns where the platform finally sends the browser. */
        String signInThroughProvider() throws IOException, InterruptedException {
            String toProvider = location(get("/oauth2/authorization/stub"));
            assertThat(toProvider).startsWith(idp.issuer() + "/authorize");
            String backToPlatform = location(absolute(toProvider));
            assertThat(backToPlatform).contains("/login/oauth2/code/stub");
            return location(absolute(backToPlatform));
        }

        private static String location(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        }
    }

    /** Discovery, authorization (answers at once, as if the person had signed in), token and JWKS endpoints. */
    private static final class StubIdentityProvider {
        private final HttpServer server;
        private final RSAKey key;
        private final Map<String, String> nonces = new ConcurrentHashMap<>();
        volatile String nextEmail;

        StubIdentityProvider() throws Exception {
            key = new RSAKeyGenerator(2048).keyID("stub-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, Map.of(
                    "issuer", issuer(),
                    "authorization_endpoint", issuer() + "/authorize",
                    "token_endpoint", issuer() + "/token",
                    "jwks_uri", issuer() + "/jwks",
                    "response_types_supported", List.of("code"),
                    "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "scopes_supported", List.of("openid", "email"))));
            server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toJSONObject()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            nonces.put(code, query.getOrDefault("nonce", ""));
            String redirect = query.get("redirect_uri") + "?code=" + code + "&state="
                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", redirect);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String nonce = nonces.remove(body.get("code"));
            if (nonce == null) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            try {
                Instant now = Instant.now();
                JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("sub-" + nextEmail)
                        .audience("soc-web").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("nonce", nonce).claim("email", nextEmail).claim("email_verified", true).build();
                SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT).build(), claims);
                idToken.sign(new RSASSASigner(key));
                json(exchange, Map.of("access_token", UUID.randomUUID().toString(), "token_type", "Bearer",
                        "expires_in", 300, "scope", "openid email", "id_token", idToken.serialize()));
            } catch (Exception e) {
                throw new IOException(e);
            }
        }

        private static void json(HttpExchange exchange, Map<String, ?> body) throws IOException {
            byte[] bytes = EventJson.write(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> values = new HashMap<>();
            if (encoded != null) {
                for (String pair : encoded.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return values;
        }
    }
}
