package soc.web.onboarding;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;
import soc.tenants.users.Role;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * Who may see and change a tenant's discovery, roadmap, status and offboarding. Another tenant's id answers 404
 * to tenant users (as everywhere); a known tenant with too little role answers 403.
 */
@Component
public class OnboardingAccess {
    private final TenantAccess access;
    private final TenantService tenants;

    OnboardingAccess(TenantAccess access, TenantService tenants) {
        this.access = access;
        this.tenants = tenants;
    }

    /** The tenant, if the user may see it. */
    public Tenant visible(SocUser user, String tenantId) {
        access.requireVisible(user, tenantId);
        return tenants.find(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Onboarding roles for any tenant, a tenant admin for their own tenant. */
    public Tenant discoveryEditable(SocUser user, String tenantId) {
        Tenant tenant = visible(user, tenantId);
        if (!mayAnswerDiscovery(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return tenant;
    }

    /** Onboarding officers and platform admins only: status changes, topics, export and deletion. */
    public Tenant onboardingOnly(SocUser user, String tenantId) {
        Tenant tenant = visible(user, tenantId);
        if (!isOnboardingRole(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return tenant;
    }

    public static boolean mayAnswerDiscovery(SocUser user) {
        return isOnboardingRole(user) || user.getRole() == Role.TENANT_ADMIN;
    }

    public static boolean isOnboardingRole(SocUser user) {
        return user.getRole() == Role.PLATFORM_ADMIN || user.getRole() == Role.ONBOARDING_OFFICER;
    }
}
