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

import soc.tenants.retention.RetentionSetting;
import soc.tenants.retention.TenantRetention;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;

/**
 * Per-tenant retention of event indices on the real PostgreSQL (V16): empty means the platform default, a change
 * is audited, out-of-range values are refused, and a tenant scope sees only its own tenant's setting.
 */
@SpringBootTest(properties = "soc.retention.default-days=120")
class TenantRetentionIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    TenantService tenants;
    @Autowired
    TenantRetention retention;
    @Autowired
    JdbcClient jdbc;

    private String alpha;
    private String beta;

    @BeforeEach
    void twoTenants() {
        alpha = "ret-a-" + UUID.randomUUID().toString().substring(0, 8);
        beta = "ret-b-" + UUID.randomUUID().toString().substring(0, 8);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            tenants.register("test", alpha, "Alpha", TenantKind.COUNTY_COUNCIL, "Wales");
            tenants.register("test", beta, "Beta", TenantKind.COUNTY_COUNCIL, "Wales");
        });
    }

    @Test
    void newTenantKeepsThePlatformDefaultUntilAnOfficerSetsItsOwn() {
        RetentionSetting initial = TenantScope.call(TenantScope.ALL_TENANTS, () -> retention.of(alpha).orElseThrow());
        assertThat(initial.platformDefault()).isTrue();
        assertThat(initial.days()).isEqualTo(120);

        RetentionSetting changed = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> retention.change("officer", alpha, 30));
        assertThat(changed.days()).isEqualTo(30);
        assertThat(changed.platformDefault()).isFalse();
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> retention.of(alpha).orElseThrow().days())).isEqualTo(30);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> retention.of(beta).orElseThrow().days())).isEqualTo(120);

        String detail = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select actor || ': ' || detail from audit_log where tenant_id = ? and action = 'tenant.retention'")
                .param(alpha).query(String.class).single());
        assertThat(detail).isEqualTo("officer: 120 days (platform default) -> 30 days");

        TenantScope.run(TenantScope.ALL_TENANTS, () -> retention.change("officer", alpha, null));
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> retention.of(alpha).orElseThrow().platformDefault()))
                .isTrue();
    }

    @Test
    void outOfRangeRetentionIsRefusedAndNothingChanges() {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            assertThatThrownBy(() -> retention.change("officer", alpha, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> retention.change("officer", alpha, 3651)).isInstanceOf(IllegalArgumentException.class);
            assertThat(retention.of(alpha).orElseThrow().platformDefault()).isTrue();
        });
    }

    @Test
    void tenantScopeSeesAndChangesOnlyItsOwnSetting() {
        assertThat(TenantScope.call(alpha, () -> retention.all()).stream().map(RetentionSetting::tenantId))
                .containsExactly(alpha);
        assertThat(TenantScope.call(alpha, () -> retention.of(beta))).isEmpty();
        assertThatThrownBy(() -> TenantScope.run(alpha, () -> retention.change("intruder", beta, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> retention.of(beta).orElseThrow().platformDefault()))
                .isTrue();
    }
}
