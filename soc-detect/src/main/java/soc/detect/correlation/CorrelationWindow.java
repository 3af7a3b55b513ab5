package soc.detect.correlation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The window logic of one Sigma correlation rule for one group (tenant + group-by values), in event time. Plain
 * Java: the state goes in and comes out as a value ({@link State}), so the Kafka Streams processor only loads and
 * stores it, and tests drive it directly.
 *
 * <p>Semantics (see docs/sigma.md "Correlation"):
 * <ul>
 *   <li>Windows slide: the rule matches when some window of length {@code timespan} that contains the arriving
 *       event satisfies the condition. Entries that made an alert are marked consumed, so the same events never
 *       alert twice, and the next alert needs new events.</li>
 *   <li>Out of order: the group's watermark is the newest event time seen. An event older than the watermark but
 *       within {@code grace} of it is placed at its event time and evaluated like any other.</li>
 *   <li>Late: an event older than watermark - grace is dropped ({@link Verdict#LATE}, counted by the caller).</li>
 *   <li>Replays: an event id already in the state (for the same referenced rule) is ignored
 *       ({@link Verdict#DUPLICATE}), so at-least-once delivery never counts an event twice.</li>
 *   <li>Entries older than watermark - timespan - grace can no longer be in any open window and are pruned; at
 *       most {@code maxEntries} are kept per group (oldest dropped first).</li>
 *   <li>value_percentile: the aggregate is the share, in percent (0-100), of the group's events in the window
 *       {@code [t - timespan, t]} that carry the arriving event's {@code condition.field} value. It answers the
 *       specification's example ("a process name seen in at most 1% of a computer's processes in 24h": {@code lte: 1})
 *       on arrival, so it is the one type where an upper bound alone is a valid condition. The population counts
 *       consumed entries too (rarity is relative to everything seen); only the arriving event is new.</li>
 * </ul>
 */
public final class CorrelationWindow {
    /** One event that matched a referenced rule. */
    public record Entry(long time, String eventId, String rule, String value, boolean consumed) {
        Entry consume() {
            return new Entry(time, eventId, rule, value, true);
        }
    }

    /** The state of one group: its watermark (newest event time seen) and its entries, oldest first. */
    public record State(long watermark, List<Entry> entries) {
        public State {
            entries = List.copyOf(entries);
        }

        public static State empty() {
            return new State(Long.MIN_VALUE, List.of());
        }
    }

    public enum Verdict { ACCEPTED, DUPLICATE, LATE }

    /** A satisfied window: the contributing entries, and the aggregate that satisfied the condition. */
    public record Match(List<Entry> contributing, double aggregate, List<String> distinctValues) {
        public long firstTime() {
            return contributing.get(0).time();
        }

        public long lastTime() {
            return contributing.get(contributing.size() - 1).time();
        }
    }

    /** What an offered event did: its verdict, the new state, and the match it completed (null if none). */
    public record Outcome(Verdict verdict, State state, Match match) {
    }

    private final String type;
    private final List<String> rules;
    private final long timespan;
    private final CorrelationCondition condition;
    private final long grace;
    private final int maxEntries;

    /** Evaluated correlation types. */
    public static final Set<String> TYPES = Set.of("event_count", "value_count", "value_sum", "value_avg",
            "value_percentile", "temporal", "temporal_ordered");

    /**
     * @param type       event_count, value_count, value_sum, value_avg, value_percentile, temporal, temporal_ordered
     * @param rules      the referenced rules, in the correlation's order (temporal_ordered needs it)
     * @param timespan   window length in milliseconds
     * @param condition  the condition (for the temporal types: count of distinct rules; null means all)
     * @param grace      how far (ms) behind the group's newest event an event may arrive and still count
     * @param maxEntries most entries kept per group
     */
    public CorrelationWindow(String type, List<String> rules, long timespan, CorrelationCondition condition,
                             long grace, int maxEntries) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("correlation type " + type + " is not evaluated");
        }
        if (timespan <= 0) {
            throw new IllegalArgumentException("correlation without a timespan");
        }
        if (type.startsWith("value_") && (condition == null || condition.field() == null)) {
            throw new IllegalArgumentException(type + " needs condition.field");
        }
        if (type.equals("value_percentile")) {
            if (condition.comparisons().isEmpty()) {
                throw new IllegalArgumentException("value_percentile needs a comparison (e.g. lte: 1)");
            }
        } else if (!type.startsWith("temporal") && (condition == null || !condition.hasLowerBound())) {
            throw new IllegalArgumentException("condition without a lower bound (gt, gte or eq) cannot be decided "
                    + "on arrival");
        }
        this.type = type;
        this.rules = List.copyOf(rules);
        this.timespan = timespan;
        this.condition = condition == null || condition.comparisons().isEmpty() ? null : condition;
        this.grace = Math.max(0, grace);
        this.maxEntries = Math.max(1, maxEntries);
    }

    public String type() {
        return type;
    }

    public long timespan() {
        return timespan;
    }

    public long grace() {
        return grace;
    }

    /** Offers one matched event to the group's state. */
    public Outcome offer(State state, Entry entry) {
        State current = state == null ? State.empty() : state;
        for (Entry e : current.entries()) {
            if (e.eventId().equals(entry.eventId()) && e.rule().equals(entry.rule())) {
                return new Outcome(Verdict.DUPLICATE, current, null);
            }
        }
        if (current.watermark() != Long.MIN_VALUE && entry.time() < current.watermark() - grace) {
            return new Outcome(Verdict.LATE, current, null);
        }
        long watermark = Math.max(current.watermark(), entry.time());
        List<Entry> entries = new ArrayList<>(current.entries().size() + 1);
        long horizon = watermark - timespan - grace;
        for (Entry e : current.entries()) {
            if (e.time() >= horizon) {
                entries.add(e);
            }
        }
        entries.add(entry);
        entries.sort(Comparator.comparingLong(Entry::time));
        while (entries.size() > maxEntries) {
            entries.remove(0);
        }
        Match match = evaluate(entries, entry);
        if (match != null) {
            Set<Entry> used = new java.util.HashSet<>(match.contributing());
            entries.replaceAll(e -> used.contains(e) ? e.consume() : e);
        }
        return new Outcome(Verdict.ACCEPTED, new State(watermark, entries), match);
    }

    /** Drops what no open window can use any more (for stores whose groups went quiet); null when nothing is left. */
    public State expire(State state, long streamTime) {
        long horizon = Math.max(state.watermark(), streamTime) - timespan - grace;
        List<Entry> kept = state.entries().stream().filter(e -> e.time() >= horizon).toList();
        return kept.isEmpty() ? null : new State(state.watermark(), kept);
    }

    private Match evaluate(List<Entry> entries, Entry arriving) {
        if (type.equals("value_percentile")) {
            return percentile(entries, arriving);
        }
        List<Entry> active = entries.stream().filter(e -> !e.consumed()).toList();
        long t = arriving.time();
        // windows [start, start + timespan] that contain the arriving event, starting at an active entry
        int j = 0;
        for (int i = 0; i < active.size(); i++) {
            long start = active.get(i).time();
            if (start < t - timespan) {
                continue;
            }
            if (start > t) {
                break;
            }
            if (j < i) {
                j = i;
            }
            while (j < active.size() && active.get(j).time() <= start + timespan) {
                j++;
            }
            Match match = test(active.subList(i, j));
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    private Match test(List<Entry> window) {
        switch (type) {
            case "event_count": {
                return condition.test(window.size()) ? new Match(List.copyOf(window), window.size(), List.of()) : null;
            }
            case "value_count": {
                Set<String> distinct = new LinkedHashSet<>();
                List<Entry> withValue = new ArrayList<>();
                for (Entry e : window) {
                    if (e.value() != null) {
                        distinct.add(e.value());
                        withValue.add(e);
                    }
                }
                return condition.test(distinct.size())
                        ? new Match(withValue, distinct.size(), List.copyOf(distinct)) : null;
            }
            case "value_sum":
            case "value_avg": {
                double sum = 0;
                List<Entry> numeric = new ArrayList<>();
                for (Entry e : window) {
                    Double d = number(e.value());
                    if (d != null) {
                        sum += d;
                        numeric.add(e);
                    }
                }
                if (numeric.isEmpty()) {
                    return null;
                }
                double value = type.equals("value_sum") ? sum : sum / numeric.size();
                return condition.test(value) ? new Match(numeric, value, List.of()) : null;
            }
            case "temporal": {
                Set<String> seen = new LinkedHashSet<>();
                List<Entry> firstOfEach = new ArrayList<>();
                for (Entry e : window) {
                    if (seen.add(e.rule())) {
                        firstOfEach.add(e);
                    }
                }
                boolean ok = condition == null ? seen.containsAll(rules) : condition.test(seen.size());
                return ok ? new Match(firstOfEach, seen.size(), List.copyOf(seen)) : null;
            }
            default: { // temporal_ordered: rules[0] then rules[1] ... in event time order, all in the window
                List<Entry> chain = new ArrayList<>();
                int next = 0;
                for (Entry e : window) {
                    if (next < rules.size() && e.rule().equals(rules.get(next))) {
                        chain.add(e);
                        next++;
                    }
                }
                return next == rules.size() ? new Match(chain, chain.size(), List.copyOf(rules)) : null;
            }
        }
    }

    /** The arriving value's share (percent) of the valued events in the trailing window ending at the arrival. */
    private Match percentile(List<Entry> entries, Entry arriving) {
        if (arriving.value() == null || arriving.value().isEmpty()) {
            return null;
        }
        long t = arriving.time();
        int population = 0;
        List<Entry> same = new ArrayList<>();
        for (Entry e : entries) {
            if (e.time() < t - timespan || e.time() > t || e.value() == null || e.value().isEmpty()) {
                continue;
            }
            population++;
            if (e.value().equals(arriving.value())) {
                same.add(e);
            }
        }
        double share = 100.0 * same.size() / population;
        if (!condition.test(share)) {
            return null;
        }
        // the arriving event is the new evidence; earlier events with the same value are context, not re-consumed
        return new Match(List.of(arriving), share, List.of(arriving.value()));
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
