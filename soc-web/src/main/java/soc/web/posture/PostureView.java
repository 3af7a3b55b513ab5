package soc.web.posture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import soc.cases.cases.RootCause;
import soc.cases.metrics.CaseMetrics.MonthlyTimes;
import soc.cases.metrics.CaseMetrics.RuleCount;
import soc.events.Severity;
import soc.tenants.onboarding.OnboardingItem;
import soc.tenants.onboarding.OnboardingStage;
import soc.tenants.sources.SourceHealth;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;

/** Everything the posture dashboard and the monthly report show about one tenant, for one window [from, to). */
public record PostureView(String tenantId, String tenantName, TenantKind kind, Instant from, Instant to,
                          PostureScore score, Coverage coverage, Detection detection, Incidents incidents,
                          Progress onboarding, Maturity maturity, AttackMap attack) {

    public record SourceRow(String name, SourceType type, SourceHealth health, Instant lastEventAt) {
    }

    /** @param telemetryKnown false when OpenSearch could not be asked (asset figures then unknown) */
    public record Coverage(int planned, int connected, int silent, int waiting, List<SourceRow> sources,
                           int itAssets, int itWithTelemetry, int otAssets, int otWithTelemetry,
                           boolean telemetryKnown, List<String> withoutTelemetry, Integer percent) {
    }

    /** @param buckets labels of the periods (days or weeks); counts per severity, one per bucket */
    public record Detection(List<LocalDate> buckets, String bucketUnit, Map<Severity, List<Long>> counts, long total,
                            List<RuleCount> topRules) {
        public long totalOf(Severity severity) {
            return counts.getOrDefault(severity, List.of()).stream().mapToLong(Long::longValue).sum();
        }
    }

    public record Incidents(Map<Severity, Long> open, long openTotal, long openHigh, List<MonthlyTimes> acknowledge,
                            List<MonthlyTimes> resolve, Map<RootCause, Long> rootCauses, long closed,
                            Integer humanErrorPercent) {
    }

    public record Progress(OnboardingStage stage, boolean complete, long done, long total, int percent,
                           List<OnboardingItem> open) {
    }

    /** @param latest scores of the latest submission, null when none yet; trend oldest first */
    public record Maturity(Map<String, Integer> latest, Instant latestAt, String latestBy,
                           Map<MaturityModel.Function, Double> byFunction, Integer percent, List<TrendPoint> trend) {
    }

    public record TrendPoint(Instant at, int percent) {
    }

    /**
     * ATT&CK techniques by tactic: observed on alerts, and visible (detected by enabled rules that a connected source
     * feeds, from the rule catalog).
     *
     * @param rulesVisible enabled rules fed by a connected source; {@code catalogRules} rules in the catalog (0: none
     *                     published yet, so nothing can be said about visibility)
     */
    public record AttackMap(List<TacticCell> tactics, Map<String, Long> observed, int catalogRules, int rulesVisible,
                            int techniquesVisible, int observedNotVisible) {
    }

    public record TacticCell(String tactic, String name, List<TechniqueCell> techniques) {
    }

    /** @param visibleRules how many enabled, fed rules detect it */
    public record TechniqueCell(String id, long observed, int visibleRules) {
        public String css() {
            return "technique" + (visibleRules > 0 ? " visible" : "") + (observed > 0 ? " observed" : "");
        }
    }

    /** RootCause categories that are human error. */
    public static boolean humanError(RootCause cause) {
        return switch (cause) {
            case PHISHING_CLICK, MISCONFIGURATION, WEAK_CREDENTIALS, UNPATCHED_SYSTEM -> true;
            default -> false;
        };
    }
}
