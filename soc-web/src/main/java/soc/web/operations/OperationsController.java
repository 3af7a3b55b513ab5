package soc.web.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import soc.cases.deadletters.DeadLetters;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceHealth;
import soc.tenants.sources.SourceService;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;

/**
 * Ingest operations for the SOC's own staff: how far each pipeline stage is behind, rejections per tenant and
 * stage in the last 24 hours, accepted events per second per tenant and source over the last 5 minutes and hour
 * ({@link IngestRates}, counted in OpenSearch), and the health of every tenant's sources. Longer histories are in
 * Prometheus ({@code soc_ingest_accepted_total}, {@code soc_ingest_rejected_total} per tenant).
 */
@Controller
class OperationsController {
    private final PipelineLag lag;
    private final DeadLetters deadLetters;
    private final TenantService tenants;
    private final SourceService sources;
    private final IngestRates rates;

    OperationsController(PipelineLag lag, DeadLetters deadLetters, TenantService tenants, SourceService sources,
                         IngestRates rates) {
        this.rates = rates;
        this.lag = lag;
        this.deadLetters = deadLetters;
        this.tenants = tenants;
        this.sources = sources;
    }

    @GetMapping("/operations")
    String operations(Model model) {
        Instant now = Instant.now();
        List<TenantSources> health = new ArrayList<>();
        java.util.Map<String, String> tenantNames = new java.util.HashMap<>();
        java.util.Map<String, String> sourceNames = new java.util.HashMap<>();
        for (Tenant tenant : tenants.list()) {
            List<Source> tenantSources = sources.forTenant(tenant.getId());
            tenantNames.put(tenant.getId(), tenant.getName());
            tenantSources.forEach(source -> sourceNames.put(source.getId().toString(), source.getName()));
            health.add(new TenantSources(tenant.getId(), tenant.getName(),
                    count(tenantSources, SourceHealth.CONNECTED, now), count(tenantSources, SourceHealth.SILENT, now),
                    count(tenantSources, SourceHealth.WAITING, now),
                    tenantSources.stream().map(Source::getLastEventAt).filter(java.util.Objects::nonNull)
                            .max(Instant::compareTo).orElse(null)));
        }
        model.addAttribute("lags", lag.current());
        model.addAttribute("rejects", deadLetters.countsSince(now.minus(Duration.ofHours(24))));
        model.addAttribute("health", health);
        model.addAttribute("rates", rates.at(now).orElse(null));
        model.addAttribute("tenantNames", tenantNames);
        model.addAttribute("sourceNames", sourceNames);
        return "operations";
    }

    private static long count(List<Source> sources, SourceHealth health, Instant now) {
        return sources.stream().filter(source -> source.healthAt(now) == health).count();
    }

    record TenantSources(String tenantId, String name, long connected, long silent, long waiting, Instant lastEvent) {
    }
}
