package soc.web.posture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import soc.cases.metrics.CaseMetrics.TenantFigures;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantStatus;

/**
 * "Your authority against the median of authorities like yours." A tenant user's own scope sees only its own
 * rows, so the peers' headlines are computed in the provider scope here, and only {@link PeerBenchmark}
 * comparisons (own figure, peer median, number of peers) leave this class: never a peer's id, name or figure.
 * Peers are the other tenants of the same kind that are not offboarded; headlines are cached per kind.
 */
@Service
public class PeerBenchmarks {
    public static final List<String> METRICS = List.of("score", "coverage", "sla", "maturity");

    private final PostureService posture;
    private final Clock clock = Clock.systemUTC();
    private final Map<TenantKind, Cached> cache = new ConcurrentHashMap<>();

    PeerBenchmarks(PostureService posture) {
        this.posture = posture;
    }

    /** Comparisons for the tenant's own headline; the peers exclude the tenant itself. */
    public List<PeerBenchmark.Comparison> compare(PostureService.Headline own) {
        List<PeerFigures> peers = peersOf(own.kind()).stream().filter(p -> !p.tenantId().equals(own.tenantId())).toList();
        List<PeerBenchmark.Comparison> comparisons = new ArrayList<>();
        comparisons.add(compare("score", own.score(), peers, PeerFigures::score));
        comparisons.add(compare("coverage", own.coverage(), peers, PeerFigures::coverage));
        comparisons.add(compare("sla", own.slaCompliance(), peers, PeerFigures::sla));
        comparisons.add(compare("maturity", own.maturity(), peers, PeerFigures::maturity));
        return comparisons;
    }

    private static PeerBenchmark.Comparison compare(String metric, Integer own, List<PeerFigures> peers,
                                                    Function<PeerFigures, Integer> figure) {
        return PeerBenchmark.compare(metric, own, peers.stream().map(figure).toList());
    }

    /** The peers' figures, kept private: the tenant id is only used to leave the asking tenant out. */
    private List<PeerFigures> peersOf(TenantKind kind) {
        Instant now = clock.instant();
        Cached cached = cache.get(kind);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.peers();
        }
        List<PeerFigures> peers = TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            Map<String, TenantFigures> figures = posture.figures(now);
            List<PeerFigures> result = new ArrayList<>();
            for (Tenant tenant : posture.allTenants()) {
                if (tenant.getKind() == kind && tenant.getStatus() != TenantStatus.OFFBOARDED) {
                    PostureService.Headline headline = posture.headline(tenant, figures.get(tenant.getId()), now);
                    result.add(new PeerFigures(tenant.getId(), headline.score(), headline.coverage(),
                            headline.slaCompliance(), headline.maturity()));
                }
            }
            return List.copyOf(result);
        });
        cache.put(kind, new Cached(peers, now.plus(posture.properties().peerCache())));
        return peers;
    }

    private record PeerFigures(String tenantId, Integer score, Integer coverage, Integer sla, Integer maturity) {
    }

    private record Cached(List<PeerFigures> peers, Instant until) {
    }
}
