package soc.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.tenants.scope.TenantScope;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.IssuedToken;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceIdentity;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;
import soc.tenants.users.AppUser;
import soc.tenants.users.AppUserRepository;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;

@SpringBootTest
class IngestTokensIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    TenantService tenants;
    @Autowired
    SourceService sources;
    @Autowired
    IngestTokens tokens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AppUserRepository users;
    @Autowired
    JdbcClient jdbc;

    private String tenant;
    private Source source;

    @BeforeEach
    void tenantWithSource() {
        tenant = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        source = TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            tenants.register("officer", tenant, "Token tenant", TenantKind.OTHER, null);
            return sources.register("officer", tenant, "VPN", SourceType.VPN, "auto", IngestMethod.HTTP_TOKEN);
        });
    }

    @Test
    void anIssuedTokenIdentifiesItsSourceAndIsStoredOnlyAsAHash() {
        IssuedToken issued = TenantScope.call(tenant, () -> tokens.issue("officer", source.getId()));

        assertThat(tokens.verify(issued.token())).contains(new SourceIdentity(tenant, source.getId(), "auto"));
        String stored = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc
                .sql("select string_agg(token_sha256 || token_prefix, ',') from ingest_token where tenant_id = ?")
                .param(tenant).query(String.class).single());
        assertThat(stored).doesNotContain(issued.token()).contains(issued.record().getPrefix());
        assertThat(issued.token()).startsWith(issued.record().getPrefix());
    }

    @Test
    void rotationRefusesTheOldTokenAndAcceptsTheNewOne() {
        IssuedToken first = TenantScope.call(tenant, () -> tokens.issue("officer", source.getId()));
        assertThat(tokens.verify(first.token())).isPresent();

        IssuedToken second = TenantScope.call(tenant, () -> tokens.rotate("officer", source.getId()));

        assertThat(tokens.verify(first.token())).isEmpty();
        assertThat(tokens.verify(second.token())).isPresent();
    }

    @Test
    void revokedAndUnknownTokensAreRefused() {
        IssuedToken issued = TenantScope.call(tenant, () -> tokens.issue("officer", source.getId()));
        TenantScope.run(tenant, () -> tokens.revoke("officer", issued.record().getId()));

        assertThat(tokens.verify(issued.token())).isEmpty();
        assertThat(tokens.verify("soc_ing_" + "x".repeat(43))).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("Bearer nonsense")).isEmpty();
    }

    @Test
    void fiveFailedSignInsLockTheAccount() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> accounts.create("admin", username, "User", "a-long-password-1",
                Role.TENANT_ANALYST, tenant));
        for (int i = 0; i < 5; i++) {
            accounts.recordSignInFailure(username);
        }
        AppUser user = accounts.findForSignIn(username).orElseThrow();
        assertThat(user.isLockedAt(java.time.Instant.now())).isTrue();
        assertThat(user.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("a-long-password-1");
    }
}
