package soc.cases.cases;

import java.util.Objects;

/**
 * Who acts on a case.
 *
 * @param username the user's name, recorded in the timeline and the audit log
 * @param tenantId the user's tenant for tenant-side users, null for the provider's staff
 */
public record CaseActor(String username, String tenantId) {
    public CaseActor {
        Objects.requireNonNull(username, "username");
    }

    public static CaseActor provider(String username) {
        return new CaseActor(username, null);
    }

    public static CaseActor tenant(String username, String tenantId) {
        return new CaseActor(username, Objects.requireNonNull(tenantId, "tenantId"));
    }

    public AssigneeSide side() {
        return tenantId == null ? AssigneeSide.PROVIDER : AssigneeSide.TENANT;
    }

    /** Provider staff may act on every tenant's cases; tenant users only on their own tenant's. */
    public boolean mayActOn(String caseTenantId) {
        return tenantId == null || tenantId.equals(caseTenantId);
    }
}
