package soc.web.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import soc.tenants.assets.Asset;
import soc.tenants.assets.AssetAddress;
import soc.tenants.audit.AuditEntry;
import soc.tenants.sources.Criticality;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceHealth;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.SlaTier;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantStatus;
import soc.tenants.users.AppUser;
import soc.tenants.users.Role;

/** The JSON shapes of the REST API: what a caller may see, never hashes or secrets. */
final class ApiDtos {
    private ApiDtos() {
    }

    record TenantDto(String id, String name, TenantKind kind, String region, String size, ServiceModel serviceModel,
                     SlaTier slaTier, TenantStatus status, String securityLead, String securityLeadEmail,
                     String escalationContact, String escalationPhone, Instant createdAt) {
        static TenantDto of(Tenant t) {
            return new TenantDto(t.getId(), t.getName(), t.getKind(), t.getRegion(), t.getSize(), t.getServiceModel(),
                    t.getSlaTier(), t.getStatus(), t.getSecurityLead(), t.getSecurityLeadEmail(),
                    t.getEscalationContact(), t.getEscalationPhone(), t.getCreatedAt());
        }
    }

    /** Ingest tokens are not part of a source's representation: they are issued on the tenant's page, shown once. */
    record SourceDto(UUID id, String tenantId, String name, SourceType type, String format, IngestMethod ingestMethod,
                     Long expectedDailyEvents, Criticality criticality, int silentAfterMinutes, Instant lastEventAt,
                     SourceHealth health) {
        static SourceDto of(Source s, Instant now) {
            return new SourceDto(s.getId(), s.getTenantId(), s.getName(), s.getType(), s.getFormat(),
                    s.getIngestMethod(), s.getExpectedDailyEvents(), s.getCriticality(), s.getSilentAfterMinutes(),
                    s.getLastEventAt(), s.healthAt(now));
        }
    }

    record AssetDto(UUID id, String tenantId, String name, List<String> addresses, String type, Criticality criticality,
                    Integer purdueLevel, String zone, String owner, Instant createdAt) {
        static AssetDto of(Asset a) {
            return new AssetDto(a.getId(), a.getTenantId(), a.getName(),
                    a.getAddresses().stream().map(AssetAddress::getDisplay).toList(), a.getType().name(),
                    a.getCriticality(), a.getPurdueLevel(), a.getZone(), a.getOwner(), a.getCreatedAt());
        }
    }

    record UserDto(long id, String username, String displayName, String email, Role role, String tenantId,
                   boolean enabled, boolean locked, boolean mfaEnrolled) {
        static UserDto of(AppUser u, Instant now) {
            return new UserDto(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(),
                    u.getTenantId(), u.isEnabled(), u.isLockedAt(now), u.isMfaEnrolled());
        }
    }

    record AuditDto(long id, Instant at, String actor, String tenantId, String action, String detail) {
        static AuditDto of(AuditEntry e) {
            return new AuditDto(e.getId(), e.getAt(), e.getActor(), e.getTenantId(), e.getAction(), e.getDetail());
        }
    }

    record NewSource(String name, SourceType type, String format, IngestMethod ingestMethod, Long expectedDailyEvents,
                     Criticality criticality, Integer silentAfterMinutes) {
    }

    /** Addresses as IPs or CIDRs; type and criticality by name (as in the CSV import). */
    record NewAsset(String name, List<String> addresses, String type, String criticality, Integer purdueLevel,
                    String zone, String owner) {
    }

    record NewUser(String username, String displayName, String email, Role role, String tenantId) {
    }

    /** The initial password is in this answer only, like on the page: pass it on securely. */
    record CreatedUser(UserDto user, String initialPassword) {
    }

    record RoleChange(Role role) {
    }

    record EnabledChange(boolean enabled) {
    }

    record Me(String username, String displayName, Role role, String tenantId) {
    }
}
