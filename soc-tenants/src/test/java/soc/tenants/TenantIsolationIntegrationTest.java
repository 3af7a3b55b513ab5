package soc.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;

/**
 * Row-level security on the real PostgreSQL, as the runtime role: a tenant scope sees and changes only its own
 * tenant's rows even when the service asks for another tenant's, and no scope sees nothing.
 */
@SpringBootTest
class TenantIsolationIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    TenantService tenants;
    @Autowired
    SourceService sources;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    private String alpha;
    private String beta;

    @BeforeEach
    void twoTenantsWithSources() {
        alpha = "alpha-" + UUID.randomUUID().toString().substring(0, 8);
        beta = "beta-" + UUID.randomUUID().toString().substring(0, 8);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            for (String id : new String[] {alpha, beta}) {
                tenants.register("test", id, "Tenant " + id, TenantKind.COUNTY_COUNCIL, "Wales");
                sources.register("test", id, "Firewall", SourceType.FIREWALL, "auto", IngestMethod.HTTP_TOKEN);
            }
        });
    }

    @Test
    void aTenantScopeSeesOnlyItsOwnRowsWhateverTheQueryAsksFor() {
        TenantScope.run(alpha, () -> {
            assertThat(tenants.list()).extracting(Tenant::getId).containsExactly(alpha);
            assertThat(tenants.find(beta)).isEmpty();
            assertThat(sources.forTenant(beta)).isEmpty();
            assertThat(sources.forTenant(alpha)).hasSize(1);
            assertThat(audit.latest()).isNotEmpty().allSatisfy(entry -> assertThat(entry.getTenantId()).isEqualTo(alpha));
            Long visibleSources = jdbc.sql("select count(*) from source").query(Long.class).single();
            assertThat(visibleSources).isEqualTo(1);
        });
    }

    @Test
    void providerScopeSeesEveryTenant() {
        TenantScope.run(TenantScope.ALL_TENANTS, () ->
                assertThat(tenants.list()).extracting(Tenant::getId).contains(alpha, beta));
    }

    @Test
    void noScopeSeesNothing() {
        assertThat(tenants.list()).isEmpty();
        assertThat(jdbc.sql("select count(*) from tenant").query(Long.class).single()).isZero();
    }

    @Test
    void aTenantScopeCannotWriteIntoAnotherTenant() {
        assertThatThrownBy(() -> TenantScope.run(alpha, () -> sources.register("test", beta, "Sneaky",
                SourceType.OTHER, "auto", IngestMethod.HTTP_TOKEN)))
                .hasMessageContaining("row-level security");
        TenantScope.run(TenantScope.ALL_TENANTS, () -> assertThat(sources.forTenant(beta)).hasSize(1));
    }

    @Test
    void theRuntimeRoleCannotBypassRowLevelSecurity() {
        Boolean bypass = jdbc.sql("select rolbypassrls or rolsuper from pg_roles where rolname = current_user")
                .query(Boolean.class).single();
        assertThat(bypass).isFalse();
    }
}
