package soc.tenants.tenants;

public enum TenantStatus {
    PROSPECT, ONBOARDING, LIVE, SUSPENDED, OFFBOARDED
}
