package soc.web.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceSpec;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantProfile;
import soc.tenants.tenants.TenantService;
import soc.web.api.ApiDtos.AssetDto;
import soc.web.api.ApiDtos.NewAsset;
import soc.web.api.ApiDtos.NewSource;
import soc.web.api.ApiDtos.SourceDto;
import soc.web.api.ApiDtos.TenantDto;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * Tenants, their data sources and assets. Provider roles see every tenant; tenant users only their own
 * (another tenant's id is 403 at the URL rule, 404 here, and row-level security underneath). Registering
 * tenants and sources is for onboarding officers and platform admins; assets also for the tenant's own admin.
 */
@RestController
@Tag(name = "Tenants", description = "Organisations, their data source inventory and asset inventory")
class TenantsApiController {
    private final TenantService tenants;
    private final SourceService sources;
    private final AssetService assets;
    private final TenantAccess access;

    TenantsApiController(TenantService tenants, SourceService sources, AssetService assets, TenantAccess access) {
        this.tenants = tenants;
        this.sources = sources;
        this.assets = assets;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants")
    @Operation(summary = "Tenants the caller may see", description = "Every tenant for provider roles; a tenant user's own tenant only.")
    List<TenantDto> list(@AuthenticationPrincipal SocUser user) {
        return tenants.list().stream()
                .filter(tenant -> !user.getRole().isTenantScoped() || tenant.getId().equals(user.getTenantId()))
                .map(TenantDto::of).toList();
    }

    @GetMapping("/api/v1/tenants/{id}")
    @Operation(summary = "One tenant")
    TenantDto get(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        return TenantDto.of(visible(user, id));
    }

    @PostMapping("/api/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a tenant", description = "Onboarding officers and platform admins. Starts in ONBOARDING with the standard checklist.")
    TenantDto register(@AuthenticationPrincipal SocUser user, @RequestBody TenantProfile profile) {
        return TenantDto.of(tenants.register(user.getUsername(), profile));
    }

    @GetMapping("/api/v1/tenants/{id}/sources")
    @Operation(summary = "The tenant's data sources with health", description = "Ingest tokens are never part of the answer.")
    List<SourceDto> sources(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        visible(user, id);
        Instant now = Instant.now();
        return sources.forTenant(id).stream().map(source -> SourceDto.of(source, now)).toList();
    }

    @PostMapping("/api/v1/tenants/{id}/sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a data source to the tenant's inventory", description = "Onboarding officers and platform admins.")
    SourceDto addSource(@AuthenticationPrincipal SocUser user, @PathVariable String id, @RequestBody NewSource body) {
        visible(user, id);
        return SourceDto.of(sources.register(user.getUsername(), id, new SourceSpec(body.name(), body.type(),
                body.format() == null ? "auto" : body.format(), body.ingestMethod(), body.expectedDailyEvents(),
                body.criticality(), body.silentAfterMinutes())), Instant.now());
    }

    @GetMapping("/api/v1/tenants/{id}/assets")
    @Operation(summary = "The tenant's IT and OT asset inventory")
    List<AssetDto> assets(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        visible(user, id);
        return assets.forTenant(id).stream().map(AssetDto::of).toList();
    }

    @PostMapping("/api/v1/tenants/{id}/assets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an asset", description = "Onboarding officers, platform admins, and the tenant's own tenant admin.")
    AssetDto addAsset(@AuthenticationPrincipal SocUser user, @PathVariable String id, @RequestBody NewAsset body) {
        visible(user, id);
        AssetSpec spec = AssetSpec.parse(body.name(), body.addresses() == null ? "" : String.join(";", body.addresses()),
                body.type(), body.criticality(), body.purdueLevel() == null ? null : body.purdueLevel().toString(),
                body.zone(), body.owner());
        return AssetDto.of(assets.create(user.getUsername(), id, spec));
    }

    private Tenant visible(SocUser user, String id) {
        access.requireVisible(user, id);
        return tenants.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
