package soc.web.tenants;

import java.time.Instant;
import java.util.List;

import soc.tenants.onboarding.OnboardingJourney;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceHealth;
import soc.tenants.tenants.Tenant;

/** A tenant as the onboarding dashboard shows it. */
public record TenantOverview(Tenant tenant, OnboardingJourney journey, long sourcesPlanned, long sourcesConnected,
                             long sourcesSilent) {

    static TenantOverview of(Tenant tenant, OnboardingJourney journey, List<Source> sources, Instant now) {
        return new TenantOverview(tenant, journey, sources.size(),
                sources.stream().filter(s -> s.healthAt(now) == SourceHealth.CONNECTED).count(),
                sources.stream().filter(s -> s.healthAt(now) == SourceHealth.SILENT).count());
    }
}
