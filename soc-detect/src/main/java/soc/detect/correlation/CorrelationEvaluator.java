package soc.detect.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import soc.events.Alert;
import soc.events.EventJson;

/**
 * The correlation stage's logic for one signal, framework-free: the group's window state is read from the
 * {@link Store}, the signal offered to the correlation's {@link CorrelationWindow}, the state written back; a
 * satisfied window becomes an alert, which is checked against the tenant's settings
 * ({@link TenantCorrelations#admits}: the correlation switched off, or one of the tenant's exceptions for it matching
 * the alert's group-by values); an admitted alert is raised and feeds the correlations chained onto it (the
 * platform's and the tenant's own), a suppressed one does neither. {@link CorrelationProcessor} runs it against
 * its Kafka Streams state store; tests run it against a map.
 */
public final class CorrelationEvaluator {
    static final int MAX_CHAIN_DEPTH = 8;

    /** The window states, by {@link CorrelationSignal#stateKey()}, as JSON. */
    public interface Store {
        String get(String key);

        void put(String key, String value);
    }

    /** An alert to raise, with the time of its last contributing event (the output record's timestamp). */
    public record Fired(Alert alert, long time) {
    }

    /**
     * What one signal did.
     *
     * @param verdicts   one per signal offered to a window (the incoming one, then chained ones)
     * @param fired      the alerts to raise (the correlation's and those of correlations chained onto it)
     * @param suppressed satisfied windows whose alert the tenant's settings suppressed
     */
    public record Result(List<CorrelationWindow.Verdict> verdicts, List<Fired> fired, List<Alert> suppressed) {
    }

    private final TenantCorrelations rules;

    public CorrelationEvaluator(TenantCorrelations rules) {
        this.rules = rules;
    }

    public Result evaluate(CorrelationSignal signal, Store store, Instant now) {
        Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        handle(signal, store, now, 0, result);
        return new Result(List.copyOf(result.verdicts()), List.copyOf(result.fired()),
                List.copyOf(result.suppressed()));
    }

    private void handle(CorrelationSignal signal, Store store, Instant now, int depth, Result result) {
        CorrelationRuleSet.Correlation correlation = rules.correlation(signal.tenantId(), signal.correlation());
        if (correlation == null) {
            return; // the rule is no longer loaded
        }
        String key = signal.stateKey();
        String stored = store.get(key);
        CorrelationWindow.State state = stored == null ? null : EventJson.read(stored, CorrelationWindow.State.class);
        CorrelationWindow.Outcome outcome = correlation.window().offer(state, new CorrelationWindow.Entry(
                signal.time(), signal.eventId(), signal.rule(), signal.value(), false));
        result.verdicts().add(outcome.verdict());
        if (outcome.verdict() != CorrelationWindow.Verdict.ACCEPTED) {
            return;
        }
        store.put(key, EventJson.write(outcome.state()));
        CorrelationWindow.Match match = outcome.match();
        if (match == null) {
            return;
        }
        Alert alert = rules.owner(signal.tenantId(), correlation.key()).alert(correlation, signal, match, now);
        if (!rules.admits(alert, now)) {
            // the events stay consumed: the suppressed match is not re-raised by the next event of the group
            result.suppressed().add(alert);
            return;
        }
        result.fired().add(new Fired(alert, match.lastTime()));
        if (depth < MAX_CHAIN_DEPTH) {
            for (CorrelationSignal next : rules.chained(signal, alert.alertId(), match.lastTime())) {
                handle(next, store, now, depth + 1, result);
            }
        }
    }
}
