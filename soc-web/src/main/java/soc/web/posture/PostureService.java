package soc.web.posture;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import soc.cases.cases.RootCause;
import soc.cases.metrics.CaseMetrics;
import soc.cases.metrics.CaseMetrics.DailyCount;
import soc.cases.metrics.CaseMetrics.TenantFigures;
import soc.events.Severity;
import soc.tenants.assets.Asset;
import soc.tenants.assets.AssetService;
import soc.tenants.detection.CatalogRule;
import soc.tenants.detection.DetectionSettings;
import soc.tenants.detection.RuleCatalog;
import soc.tenants.onboarding.Onboarding;
import soc.tenants.onboarding.OnboardingItem;
import soc.tenants.onboarding.OnboardingJourney;
import soc.tenants.onboarding.OnboardingStage;
import soc.tenants.posture.MaturityAssessments;
import soc.tenants.posture.MaturityAssessments.Submission;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceHealth;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;

/**
 * Assembles a tenant's posture from the tenants module (sources, assets, onboarding, self-assessments), the cases
 * module (alerts, cases, response times) and the tenant's own event indices (asset telemetry). Every read runs in
 * the caller's tenant scope, so row-level security applies underneath the explicit tenant filters. Not
 * transactional on purpose: each read checks out its own connection stamped with the current scope.
 */
@Service
public class PostureService {
    private final TenantService tenants;
    private final SourceService sources;
    private final AssetService assets;
    private final Onboarding onboarding;
    private final CaseMetrics metrics;
    private final MaturityAssessments maturity;
    private final AssetTelemetry telemetry;
    private final PostureProperties properties;
    private final RuleCatalog catalog;
    private final DetectionSettings detection;
    private volatile CachedCatalog cachedCatalog;

    PostureService(TenantService tenants, SourceService sources, AssetService assets, Onboarding onboarding,
                   CaseMetrics metrics, MaturityAssessments maturity, AssetTelemetry telemetry,
                   PostureProperties properties, RuleCatalog catalog, DetectionSettings detection) {
        this.catalog = catalog;
        this.detection = detection;
        this.tenants = tenants;
        this.sources = sources;
        this.assets = assets;
        this.onboarding = onboarding;
        this.metrics = metrics;
        this.maturity = maturity;
        this.telemetry = telemetry;
        this.properties = properties;
    }

    public PostureProperties properties() {
        return properties;
    }

    public Optional<Tenant> tenant(String tenantId) {
        return tenants.find(tenantId);
    }

    /** Every tenant visible in the caller's scope, by name. */
    public List<Tenant> allTenants() {
        return tenants.list();
    }

    /** The dashboard: charts over the dashboard window by week, the score over the score window, both up to now. */
    public PostureView dashboard(Tenant tenant, Instant now) {
        LocalDate firstWeek = LocalDate.ofInstant(now.minus(properties.dashboardWindow()), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return build(tenant, firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant(), now, ChronoUnit.WEEKS);
    }

    /** The monthly report: everything over that calendar month (UTC), daily. */
    public PostureView month(Tenant tenant, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return build(tenant, from, to, ChronoUnit.DAYS);
    }

    PostureView build(Tenant tenant, Instant from, Instant to, ChronoUnit bucket) {
        String id = tenant.getId();
        Instant scoreFrom = bucket == ChronoUnit.DAYS ? from : to.minus(properties.scoreWindow());
        PostureView.Coverage coverage = coverage(id, scoreFrom, to);
        PostureView.Detection detection = detection(id, from, to, bucket);
        PostureView.Incidents incidents = incidents(id, from, to);
        PostureView.Progress progress = progress(tenant);
        PostureView.Maturity maturityView = maturity(id);
        Integer slaCompliance = metrics.perTenantFigures(id, scoreFrom, to).slaCompliancePercent();
        PostureScore score = PostureScore.of(inputs(coverage, slaCompliance, incidents.openHigh(), progress,
                maturityView.percent()));
        Map<String, Long> observed = metrics.observedTechniques(id, from, to);
        return new PostureView(id, tenant.getName(), tenant.getKind(), from, to, score, coverage, detection, incidents,
                progress, maturityView, attack(id, observed, coverage));
    }

    /** Observed techniques against what the enabled rules fed by the connected sources can see. */
    private PostureView.AttackMap attack(String tenantId, Map<String, Long> observed, PostureView.Coverage coverage) {
        List<CatalogRule> rules = catalogRules();
        java.util.Set<SourceType> connected = java.util.EnumSet.noneOf(SourceType.class);
        coverage.sources().stream().filter(s -> s.health() == SourceHealth.CONNECTED).forEach(s -> connected.add(s.type()));
        java.util.Set<String> disabled = rules.isEmpty() ? java.util.Set.of() : detection.disabledRules(tenantId);
        List<AttackCoverage.RuleSource> fedRules = new ArrayList<>();
        Map<String, String> catalogTactics = new HashMap<>();
        for (CatalogRule rule : rules) {
            if ("correlation".equals(rule.kind())) {
                continue;
            }
            AttackCoverage.RuleSource source = new AttackCoverage.RuleSource(rule.ruleId(), rule.techniques(),
                    rule.product(), rule.category(), rule.service());
            if (!disabled.contains(rule.ruleId()) && AttackCoverage.fed(connected, rule.product(), rule.category(),
                    rule.service())) {
                fedRules.add(source);
            }
            if (!rule.tactics().isEmpty()) {
                rule.techniques().forEach(t -> catalogTactics.putIfAbsent(t.toUpperCase(java.util.Locale.ROOT),
                        rule.tactics().get(0)));
            }
        }
        Map<String, Integer> visible = AttackCoverage.visibleTechniques(fedRules, java.util.Set.of(), connected);
        int observedNotVisible = (int) observed.keySet().stream().filter(t -> !visible.containsKey(t)).count();
        return new PostureView.AttackMap(AttackTactics.group(observed, rules.isEmpty() ? Map.of() : visible, catalogTactics),
                observed, rules.size(), fedRules.size(), visible.size(), rules.isEmpty() ? 0 : observedNotVisible);
    }

    /** The published rule catalog, re-read at most every five minutes (it changes when soc-detect restarts). */
    private List<CatalogRule> catalogRules() {
        CachedCatalog cached = cachedCatalog;
        Instant now = Instant.now();
        if (cached == null || cached.until().isBefore(now)) {
            List<CatalogRule> rules = catalog.all();
            // until soc-detect has published its catalog, look again soon
            cached = new CachedCatalog(rules, now.plus(rules.isEmpty() ? Duration.ofSeconds(10) : Duration.ofMinutes(5)));
            cachedCatalog = cached;
        }
        return cached.rules();
    }

    private record CachedCatalog(List<CatalogRule> rules, Instant until) {
    }

    /** Side-by-side figures for the programme view and peer benchmarks, over the score window up to now. */
    public Headline headline(Tenant tenant, TenantFigures figures, Instant now) {
        Instant from = now.minus(properties.scoreWindow());
        PostureView.Coverage coverage = coverage(tenant.getId(), from, now);
        PostureView.Progress progress = progress(tenant);
        Integer maturityPercent = maturity(tenant.getId()).percent();
        TenantFigures f = figures == null ? new TenantFigures(0, 0, 0, null, 0, 0) : figures;
        PostureScore score = PostureScore.of(inputs(coverage, f.slaCompliancePercent(), f.openHighCases(), progress,
                maturityPercent));
        return new Headline(tenant.getId(), tenant.getName(), tenant.getKind(), progress.stage(), score.total(),
                coverage.percent(), coverage.connected(), coverage.planned(), f.openHighCases(),
                f.slaCompliancePercent(), f.meanAcknowledge(), maturityPercent);
    }

    /** @param slaCompliance share of alerts acknowledged within SLA, null when none had a deadline */
    public record Headline(String tenantId, String name, soc.tenants.tenants.TenantKind kind, OnboardingStage stage,
                           Integer score, Integer coverage, int sourcesConnected, int sourcesPlanned, long openHighCases,
                           Integer slaCompliance, Duration meanAcknowledge, Integer maturity) {
    }

    private static PostureScore.Inputs inputs(PostureView.Coverage coverage, Integer slaCompliance, long openHigh,
                                              PostureView.Progress progress, Integer maturityPercent) {
        int assetCount = coverage.telemetryKnown() ? coverage.itAssets() + coverage.otAssets() : 0;
        int withTelemetry = coverage.telemetryKnown() ? coverage.itWithTelemetry() + coverage.otWithTelemetry() : 0;
        return new PostureScore.Inputs(coverage.planned(), coverage.connected(), assetCount, withTelemetry,
                slaCompliance, openHigh, (int) progress.done(), (int) progress.total(), maturityPercent);
    }

    private PostureView.Coverage coverage(String tenantId, Instant from, Instant to) {
        Instant now = Instant.now();
        List<PostureView.SourceRow> rows = new ArrayList<>();
        int connected = 0;
        int silent = 0;
        int waiting = 0;
        for (Source source : sources.forTenant(tenantId)) {
            SourceHealth health = source.healthAt(now);
            switch (health) {
                case CONNECTED -> connected++;
                case SILENT -> silent++;
                case WAITING -> waiting++;
            }
            rows.add(new PostureView.SourceRow(source.getName(), source.getType(), health, source.getLastEventAt()));
        }
        List<Asset> inventory = assets.forTenant(tenantId);
        Optional<Set<String>> seen = inventory.isEmpty() ? Optional.of(Set.of())
                : telemetry.assetsSeen(tenantId, from, to);
        int it = 0;
        int itSeen = 0;
        int ot = 0;
        int otSeen = 0;
        List<String> without = new ArrayList<>();
        for (Asset asset : inventory) {
            boolean has = seen.map(names -> names.contains(asset.getName())).orElse(false);
            if (asset.getType().isOt()) {
                ot++;
                otSeen += has ? 1 : 0;
            } else {
                it++;
                itSeen += has ? 1 : 0;
            }
            if (!has && seen.isPresent()) {
                without.add(asset.getName());
            }
        }
        PostureView.Coverage partial = new PostureView.Coverage(rows.size(), connected, silent, waiting, rows, it, itSeen,
                ot, otSeen, seen.isPresent(), without, null);
        Integer percent = PostureScore.coverage(inputs(partial, null, 0,
                new PostureView.Progress(OnboardingStage.DISCOVER, false, 0, 0, 0, List.of()), null));
        return new PostureView.Coverage(rows.size(), connected, silent, waiting, rows, it, itSeen, ot, otSeen,
                seen.isPresent(), without, percent);
    }

    private PostureView.Detection detection(String tenantId, Instant from, Instant to, ChronoUnit bucket) {
        List<LocalDate> buckets = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        for (LocalDate day = first; !day.isAfter(last); day = day.plus(1, bucket)) {
            buckets.add(day);
        }
        Map<Severity, List<Long>> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            List<Long> zeros = new ArrayList<>();
            buckets.forEach(b -> zeros.add(0L));
            counts.put(severity, zeros);
        }
        long total = 0;
        for (DailyCount count : metrics.alertsPerDay(tenantId, from, to)) {
            int index = (int) (bucket == ChronoUnit.DAYS ? ChronoUnit.DAYS.between(first, count.day())
                    : ChronoUnit.DAYS.between(first, count.day()) / 7);
            if (index >= 0 && index < buckets.size()) {
                List<Long> series = counts.get(count.severity());
                series.set(index, series.get(index) + count.count());
                total += count.count();
            }
        }
        return new PostureView.Detection(buckets, bucket == ChronoUnit.DAYS ? "day" : "week", counts, total,
                metrics.topRules(tenantId, from, to, 10));
    }

    private PostureView.Incidents incidents(String tenantId, Instant from, Instant to) {
        Map<Severity, Long> open = metrics.openCases(tenantId);
        long openTotal = open.values().stream().mapToLong(Long::longValue).sum();
        long openHigh = open.getOrDefault(Severity.HIGH, 0L) + open.getOrDefault(Severity.CRITICAL, 0L);
        // response times: the six months up to the end of the window
        Instant trendFrom = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC).withDayOfMonth(1).minusMonths(5)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<RootCause, Long> causes = metrics.rootCauses(tenantId, from, to);
        long closed = causes.values().stream().mapToLong(Long::longValue).sum();
        long human = causes.entrySet().stream().filter(e -> PostureView.humanError(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new PostureView.Incidents(open, openTotal, openHigh, metrics.acknowledgeTimes(tenantId, trendFrom, to),
                metrics.resolveTimes(tenantId, trendFrom, to), causes, closed,
                closed == 0 ? null : (int) Math.round(100.0 * human / closed));
    }

    private PostureView.Progress progress(Tenant tenant) {
        OnboardingJourney journey = onboarding.journey(tenant.getId(), tenant.getCreatedAt());
        long total = journey.items().size();
        long done = journey.doneCount();
        List<OnboardingItem> open = journey.items().stream().filter(item -> !item.isDone()).toList();
        return new PostureView.Progress(journey.stage(), journey.complete(), done, total,
                total == 0 ? 0 : (int) Math.round(100.0 * done / total), open);
    }

    private PostureView.Maturity maturity(String tenantId) {
        List<Submission> history = maturity.history(tenantId);
        List<PostureView.TrendPoint> trend = new ArrayList<>();
        for (Submission submission : history) {
            Integer percent = MaturityModel.percent(submission.scores());
            if (percent != null) {
                trend.add(new PostureView.TrendPoint(submission.submittedAt(), percent));
            }
        }
        if (history.isEmpty()) {
            return new PostureView.Maturity(null, null, null, Map.of(), null, trend);
        }
        Submission latest = history.get(history.size() - 1);
        return new PostureView.Maturity(latest.scores(), latest.submittedAt(), latest.submittedBy(),
                MaturityModel.byFunction(latest.scores()), MaturityModel.percent(latest.scores()), trend);
    }

    /** Figures of one tenant over the score window up to now. */
    public TenantFigures figuresOf(String tenantId, Instant now) {
        return metrics.perTenantFigures(tenantId, now.minus(properties.scoreWindow()), now);
    }

    /** Figures by tenant for every tenant visible in the caller's scope. */
    public Map<String, TenantFigures> figures(Instant now) {
        return new HashMap<>(metrics.perTenant(now.minus(properties.scoreWindow()), now));
    }
}
