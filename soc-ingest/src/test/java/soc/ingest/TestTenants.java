package soc.ingest;

import org.springframework.boot.test.context.TestComponent;

import soc.tenants.scope.TenantScope;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;

/** Registers a tenant with one HTTP source through the tenants module, as an onboarding officer would. */
@TestComponent
class TestTenants {
    private final TenantService tenants;
    private final SourceService sources;
    private final IngestTokens tokens;

    TestTenants(TenantService tenants, SourceService sources, IngestTokens tokens) {
        this.tenants = tenants;
        this.sources = sources;
        this.tokens = tokens;
    }

    /** The id of the tenant's first source. */
    String sourceIdOf(String tenantId) {
        return TenantScope.call(tenantId, () -> sources.forTenant(tenantId).get(0).getId().toString());
    }

    String tenantWithToken(String tenantId) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            tenants.register("test", tenantId, tenantId, TenantKind.OTHER, null);
            Source source = sources.register("test", tenantId, "syslog", SourceType.LINUX_SYSLOG, "auto",
                    IngestMethod.HTTP_TOKEN);
            return tokens.issue("test", source.getId()).token();
        });
    }
}
