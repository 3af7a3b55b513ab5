package soc.web.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import soc.tenants.retention.RetentionSetting;
import soc.tenants.retention.TenantRetention;
import soc.tenants.users.Role;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * A tenant's retention of events and alerts in OpenSearch: read by everyone who sees the tenant, changed by onboarding
 * officers and platform admins.
 */
@RestController
@Tag(name = "Retention", description = "How long each tenant's events and alerts are kept in OpenSearch "
        + "(alerts, triage and cases in the queue are not subject to it)")
class RetentionApiController {
    private final TenantRetention retention;
    private final TenantAccess access;

    RetentionApiController(TenantRetention retention, TenantAccess access) {
        this.retention = retention;
        this.access = access;
    }

    /** The answer: days in force, the tenant's own value (null = platform default), the platform default. */
    record RetentionDto(String tenantId, int days, Integer configuredDays, boolean platformDefault, int defaultDays) {
    }

    /** The request: days, or null for the platform default. */
    record RetentionChange(Integer days) {
    }

    @GetMapping("/api/v1/tenants/{id}/retention")
    @Operation(summary = "The tenant's retention of events and alerts in search, in days")
    RetentionDto get(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        access.requireVisible(user, id);
        return dto(retention.of(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    @PostMapping("/api/v1/tenants/{id}/retention")
    @Operation(summary = "Set the tenant's event retention",
            description = "Onboarding officers and platform admins; {\"days\": null} returns to the platform default. "
                    + "Audited; soc-ingest applies it at its next retention run.")
    RetentionDto change(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                        @RequestBody RetentionChange change) {
        if (user.getRole() != Role.PLATFORM_ADMIN && user.getRole() != Role.ONBOARDING_OFFICER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (retention.of(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return dto(retention.change(user.getUsername(), id, change.days()));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private RetentionDto dto(RetentionSetting setting) {
        return new RetentionDto(setting.tenantId(), setting.days(), setting.configured(), setting.platformDefault(),
                retention.defaultDays());
    }
}
