package soc.web.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Compares the alerts the platform produced with the scenarios' ground truth. Framework-free.
 *
 * <p>Attribution: an alert belongs to a run when it is of the run's tenant and, for runs matched on event time,
 * its event time lies within the run's injected events' time span (plus {@link #EVENT_TIME_SLACK} for timestamp
 * rounding), or, for runs matched on detection time (silent source), it is of an expected rule and detected within
 * the run's window. An alert belongs to at most one run (the earliest that expects its rule, else the earliest).
 *
 * <ul>
 *     <li><b>recall</b>: required expected alerts (rule ids) that were produced / required expected alerts. A run
 *     still within its window plus {@link #SETTLE} that has not yet produced everything is <i>pending</i> and left
 *     out of recall;</li>
 *     <li><b>precision</b>: alerts of an expected rule / all alerts attributed to runs; per tenant also every alert
 *     of that tenant in the runs' period that belongs to no run (a false alarm on background traffic);</li>
 *     <li><b>latency</b>: from the event's time (or the moment the silence became detectable) to the alert's
 *     arrival in the analysts' queue ({@code received_at}), p50 and p99 over the true positives.</li>
 * </ul>
 */
public final class Scorer {
    static final Duration EVENT_TIME_SLACK = Duration.ofSeconds(2);
    static final Duration SETTLE = Duration.ofMinutes(2);

    /** The ground truth of one run, as recorded when it was injected. */
    public record RunTruth(UUID runId, String tenantId, String scenario, Instant injectedAt,
                           ScenarioPlan.MatchOn matchOn, Instant windowFrom, Instant windowTo, Instant referenceAt,
                           List<ExpectedAlert> expected) {
        boolean expects(String ruleId) {
            return expected.stream().anyMatch(e -> e.ruleId().equals(ruleId));
        }

        boolean contains(ProducedAlert alert) {
            if (!tenantId.equals(alert.tenantId())) {
                return false;
            }
            if (matchOn == ScenarioPlan.MatchOn.DETECTED_AT) {
                return expects(alert.ruleId()) && !alert.detectedAt().isBefore(windowFrom)
                        && !alert.detectedAt().isAfter(windowTo);
            }
            return !alert.eventTime().isBefore(windowFrom.minus(EVENT_TIME_SLACK))
                    && !alert.eventTime().isAfter(windowTo.plus(EVENT_TIME_SLACK));
        }
    }

    /** An alert as stored in PostgreSQL (table alert). */
    public record ProducedAlert(String tenantId, String ruleId, String ruleTitle, Instant eventTime,
                                Instant detectedAt, Instant receivedAt) {
    }

    /** One expected alert of a run and how many alerts of its rule were produced. */
    public record ExpectedResult(String ruleId, String title, boolean required, int produced) {
    }

    /** The score of one run. */
    public record RunScore(RunTruth run, boolean pending, List<ExpectedResult> expected, List<ProducedAlert> unexpected,
                           List<Long> latenciesMillis) {
        public int requiredExpected() {
            return (int) expected.stream().filter(ExpectedResult::required).count();
        }

        public int requiredProduced() {
            return (int) expected.stream().filter(e -> e.required() && e.produced() > 0).count();
        }

        public int truePositives() {
            return expected.stream().mapToInt(ExpectedResult::produced).sum();
        }
    }

    /** A line of the table: a scenario, a tenant, or the total. */
    public record Row(String name, int runs, int pending, int expected, int found, int truePositives,
                      int falsePositives, Double recall, Double precision, Long p50Millis, Long p99Millis) {
    }

    /** The whole score. */
    public record Score(Instant at, List<RunScore> runs, List<Row> scenarios, List<Row> tenants, Row total) {
    }

    private Scorer() {
    }

    public static Score score(List<RunTruth> truths, List<ProducedAlert> alerts, Instant now) {
        List<RunTruth> ordered = truths.stream().sorted(Comparator.comparing(RunTruth::injectedAt)).toList();
        Map<UUID, List<ProducedAlert>> attributed = new LinkedHashMap<>();
        ordered.forEach(t -> attributed.put(t.runId(), new ArrayList<>()));
        List<ProducedAlert> unattributed = new ArrayList<>();
        for (ProducedAlert alert : alerts) {
            RunTruth owner = ordered.stream().filter(t -> t.contains(alert) && t.expects(alert.ruleId())).findFirst()
                    .orElseGet(() -> ordered.stream().filter(t -> t.contains(alert)).findFirst().orElse(null));
            if (owner == null) {
                unattributed.add(alert);
            } else {
                attributed.get(owner.runId()).add(alert);
            }
        }
        List<RunScore> runs = new ArrayList<>();
        for (RunTruth truth : ordered) {
            runs.add(runScore(truth, attributed.get(truth.runId()), now));
        }
        List<Row> scenarios = rows(runs, r -> r.run().scenario(), Map.of());
        Map<String, Integer> falseAlarms = new LinkedHashMap<>();
        for (ProducedAlert alert : unattributed) {
            List<RunTruth> ofTenant = ordered.stream().filter(t -> t.tenantId().equals(alert.tenantId())).toList();
            if (!ofTenant.isEmpty() && !alert.receivedAt().isBefore(ofTenant.get(0).injectedAt())
                    && !alert.eventTime().isAfter(ofTenant.stream().map(RunTruth::windowTo).max(Instant::compareTo).orElseThrow()
                    .plus(SETTLE))) {
                falseAlarms.merge(alert.tenantId(), 1, Integer::sum);
            }
        }
        List<Row> tenants = rows(runs, r -> r.run().tenantId(), falseAlarms);
        Row total = row("total", runs, falseAlarms.values().stream().mapToInt(Integer::intValue).sum());
        return new Score(now, runs, scenarios, tenants, total);
    }

    private static RunScore runScore(RunTruth truth, List<ProducedAlert> alerts, Instant now) {
        Map<String, ExpectedAlert> byRule = new LinkedHashMap<>();
        truth.expected().forEach(e -> byRule.merge(e.ruleId(), e, (a, b) -> a.required() ? a : b));
        List<ExpectedResult> expected = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        List<ProducedAlert> unexpected = new ArrayList<>();
        for (ExpectedAlert e : byRule.values()) {
            int produced = (int) alerts.stream().filter(a -> a.ruleId().equals(e.ruleId())).count();
            expected.add(new ExpectedResult(e.ruleId(), e.title(), e.required(), produced));
        }
        for (ProducedAlert alert : alerts) {
            if (byRule.containsKey(alert.ruleId())) {
                Instant from = truth.matchOn() == ScenarioPlan.MatchOn.DETECTED_AT ? truth.referenceAt() : alert.eventTime();
                latencies.add(Math.max(0, Duration.between(from, alert.receivedAt()).toMillis()));
            } else {
                unexpected.add(alert);
            }
        }
        boolean complete = expected.stream().allMatch(e -> !e.required() || e.produced() > 0);
        boolean pending = !complete && now.isBefore(truth.windowTo().plus(SETTLE));
        return new RunScore(truth, pending, expected, unexpected, latencies);
    }

    private static List<Row> rows(List<RunScore> runs, Function<RunScore, String> key, Map<String, Integer> falseAlarms) {
        Map<String, List<RunScore>> groups = new LinkedHashMap<>();
        runs.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Row> rows = new ArrayList<>();
        groups.forEach((name, group) -> rows.add(row(name, group, falseAlarms.getOrDefault(name, 0))));
        rows.sort(Comparator.comparing(Row::name));
        return rows;
    }

    private static Row row(String name, List<RunScore> runs, int falseAlarms) {
        int pending = 0;
        int expected = 0;
        int found = 0;
        int tp = 0;
        int fp = falseAlarms;
        List<Long> latencies = new ArrayList<>();
        Set<UUID> counted = new HashSet<>();
        for (RunScore run : runs) {
            tp += run.truePositives();
            fp += run.unexpected().size();
            latencies.addAll(run.latenciesMillis());
            if (run.pending()) {
                pending++;
                continue;
            }
            counted.add(run.run().runId());
            expected += run.requiredExpected();
            found += run.requiredProduced();
        }
        Double recall = expected == 0 ? null : (double) found / expected;
        Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
        latencies.sort(Long::compare);
        return new Row(name, runs.size(), pending, expected, found, tp, fp, recall, precision,
                percentile(latencies, 50), percentile(latencies, 99));
    }

    /** Nearest-rank percentile of sorted values; null when there are none. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
