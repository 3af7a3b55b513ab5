package soc.tenants.users;

/** Platform roles. Tenant roles are bound to one tenant; provider roles work across tenants. */
public enum Role {
    PLATFORM_ADMIN(false), SOC_LEAD(false), SOC_ANALYST(false), ONBOARDING_OFFICER(false),
    TENANT_ADMIN(true), TENANT_ANALYST(true);

    private final boolean tenantScoped;

    Role(boolean tenantScoped) {
        this.tenantScoped = tenantScoped;
    }

    public boolean isTenantScoped() {
        return tenantScoped;
    }
}
