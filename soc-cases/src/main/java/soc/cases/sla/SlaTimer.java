package soc.cases.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA timer of an alert or a case: started at {@code start}, due at {@code due}, done (acknowledged,
 * contained) at {@code doneAt} or still running. Plain Java.
 *
 * @param remaining wall-clock time until the deadline (negative once breached); null when done or without deadline
 */
public record SlaTimer(SlaTarget target, Instant start, Instant due, Instant doneAt, SlaState state, Duration remaining) {

    /**
     * The timer at {@code now}. It warns once {@code warnFraction} of the wall-clock span from start to deadline
     * has passed (0.75: in the last quarter).
     */
    public static SlaTimer at(SlaTarget target, Instant start, Instant due, Instant doneAt, Instant now,
                              double warnFraction) {
        if (due == null || start == null) {
            return new SlaTimer(target, start, due, doneAt, SlaState.NONE, null);
        }
        if (doneAt != null) {
            return new SlaTimer(target, start, due, doneAt, doneAt.isAfter(due) ? SlaState.MISSED : SlaState.MET, null);
        }
        Duration remaining = Duration.between(now, due);
        SlaState state;
        if (!now.isBefore(due)) {
            state = SlaState.BREACHED;
        } else if (!now.isBefore(warnAt(start, due, warnFraction))) {
            state = SlaState.WARNING;
        } else {
            state = SlaState.RUNNING;
        }
        return new SlaTimer(target, start, due, null, state, remaining);
    }

    /** When the warning starts: after {@code warnFraction} of the span from start to deadline. */
    public static Instant warnAt(Instant start, Instant due, double warnFraction) {
        long span = Duration.between(start, due).toMillis();
        return start.plusMillis((long) Math.floor(span * warnFraction));
    }

    /** Whole hours of the remaining (or overdue, for a breach) time. */
    public long hours() {
        return remaining == null ? 0 : remaining.abs().toHours();
    }

    /** Minutes past the whole hours of the remaining (or overdue) time. */
    public int minutes() {
        return remaining == null ? 0 : remaining.abs().toMinutesPart();
    }
}
