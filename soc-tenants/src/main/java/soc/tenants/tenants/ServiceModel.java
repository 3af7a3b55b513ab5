package soc.tenants.tenants;

/** Who works the tenant's cases: the SOC, both (hybrid), or the tenant with SOC support. */
public enum ServiceModel {
    MANAGED, HYBRID, IN_HOUSE_WITH_SUPPORT
}
