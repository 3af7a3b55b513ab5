package soc.tenants.tenants;

/**
 * The registration details of a tenant, as an onboarding officer enters them.
 *
 * @param id                 slug used in Kafka keys, index names and rows (immutable)
 * @param size               free text, e.g. "5,000 staff" or "3 sites"
 * @param securityLead       name of the tenant's security lead
 * @param escalationContact  24/7 escalation contact
 */
public record TenantProfile(String id, String name, TenantKind kind, String region, String size,
                            ServiceModel serviceModel, SlaTier slaTier, String securityLead,
                            String securityLeadEmail, String escalationContact, String escalationPhone) {
}
