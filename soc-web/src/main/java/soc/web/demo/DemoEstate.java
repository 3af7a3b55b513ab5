package soc.web.demo;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;
import soc.web.SocWebProperties;
import soc.web.bootstrap.Passwords;

/**
 * Seeds a small fictional estate for evaluation: councils, a fire and rescue service and a manufacturer with
 * OT, a user for every role, and data sources. Tokens are rotated at every start and handed to the demo
 * traffic in memory only.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "soc.web.demo.enabled", havingValue = "true")
class DemoEstate implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoEstate.class);
    private static final String ACTOR = "demo";

    record DemoTenant(String id, String name, TenantKind kind, boolean ot) {
    }

    static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant("aberhafren", "Aberhafren County Council", TenantKind.COUNTY_COUNCIL, false),
            new DemoTenant("bryn-teg", "Bryn Teg County Borough Council", TenantKind.COUNTY_BOROUGH_COUNCIL, false),
            new DemoTenant("glannau-fire", "Glannau Fire and Rescue Service", TenantKind.FIRE_AND_RESCUE_SERVICE, false),
            new DemoTenant("dyffryn-mfg", "Dyffryn Precision Manufacturing", TenantKind.MANUFACTURER, true));

    private final TenantService tenants;
    private final SourceService sources;
    private final IngestTokens tokens;
    private final UserAccounts accounts;
    private final SocWebProperties properties;
    private final DemoTraffic traffic;
    private final AssetService assets;

    DemoEstate(TenantService tenants, SourceService sources, IngestTokens tokens, UserAccounts accounts,
               SocWebProperties properties, DemoTraffic traffic, AssetService assets) {
        this.assets = assets;
        this.tenants = tenants;
        this.sources = sources;
        this.tokens = tokens;
        this.accounts = accounts;
        this.properties = properties;
        this.traffic = traffic;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            if (tenants.find(TENANTS.get(0).id()).isEmpty()) {
                seed();
            }
            List<DemoTraffic.Feed> feeds = new ArrayList<>();
            for (DemoTenant tenant : TENANTS) {
                for (Source source : sources.forTenant(tenant.id())) {
                    feeds.add(new DemoTraffic.Feed(tenant.id(), source.getType(),
                            tokens.rotate(ACTOR, source.getId()).token()));
                }
            }
            traffic.start(feeds);
        });
    }

    private void seed() {
        for (DemoTenant tenant : TENANTS) {
            tenants.register(ACTOR, tenant.id(), tenant.name(), tenant.kind(), "Wales");
            sources.register(ACTOR, tenant.id(), "Perimeter firewall", SourceType.FIREWALL, "auto", IngestMethod.HTTP_TOKEN);
            sources.register(ACTOR, tenant.id(), "Windows domain controllers", SourceType.WINDOWS_AD, "json",
                    IngestMethod.HTTP_TOKEN);
            assets.create(ACTOR, tenant.id(), AssetSpec.parse("dc01", "10.1.0.10", "SERVER", "CRITICAL", null,
                    "IT-core", "IT operations"));
            assets.create(ACTOR, tenant.id(), AssetSpec.parse("Staff workstations", "10.1.0.0/24", "WORKSTATION", "LOW",
                    null, "IT-office", "IT operations"));
            if (tenant.ot()) {
                sources.register(ACTOR, tenant.id(), "OT network sensor", SourceType.OT_NETWORK_SENSOR, "json",
                        IngestMethod.HTTP_TOKEN);
                assets.create(ACTOR, tenant.id(), AssetSpec.parse("Press line PLC", "10.20.2.10", "PLC", "CRITICAL", "1",
                        "OT-cell-1", "Plant engineering"));
                assets.create(ACTOR, tenant.id(), AssetSpec.parse("Cell 1 HMI", "10.20.1.5", "HMI", "HIGH", "2",
                        "OT-cell-1", "Plant engineering"));
                assets.create(ACTOR, tenant.id(), AssetSpec.parse("Engineering workstation", "10.20.1.50",
                        "ENGINEERING_WORKSTATION", "HIGH", "2", "OT-cell-1", "Plant engineering"));
            }
        }
        String given = properties.demo().password();
        String password = given == null || given.isBlank() ? Passwords.generate() : given;
        accounts.create(ACTOR, "lead", "Sam Lead (SOC lead)", password, Role.SOC_LEAD, null);
        accounts.create(ACTOR, "analyst", "Alex Analyst (SOC analyst)", password, Role.SOC_ANALYST, null);
        accounts.create(ACTOR, "onboarding", "Olu Onboarding (onboarding officer)", password, Role.ONBOARDING_OFFICER, null);
        accounts.create(ACTOR, "aberhafren-admin", "Aberhafren tenant admin", password, Role.TENANT_ADMIN, "aberhafren");
        accounts.create(ACTOR, "aberhafren-analyst", "Aberhafren tenant analyst", password, Role.TENANT_ANALYST, "aberhafren");
        accounts.create(ACTOR, "dyffryn-admin", "Dyffryn tenant admin", password, Role.TENANT_ADMIN, "dyffryn-mfg");
        if (given == null || given.isBlank()) {
            log.warn("""

                    ================================================================
                     Demo estate created. Demo users (shown only once):
                       lead, analyst, onboarding, aberhafren-admin,
                       aberhafren-analyst, dyffryn-admin
                       password for all of them: {}
                    ================================================================
                    """, password);
        } else {
            log.info("Demo estate created; demo users use the password from SOC_DEMO_PASSWORD");
        }
    }
}
