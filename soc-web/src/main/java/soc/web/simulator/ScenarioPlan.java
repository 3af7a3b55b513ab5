package soc.web.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one injection of a scenario does and what it should produce: the events to send, the source to mute (a
 * silent-source scenario), and the ground truth.
 *
 * @param matchOn     how produced alerts are attributed to this run: by their event time within the injected
 *                    events' time span, or (for alerts about the absence of events) by detection time
 * @param windowFrom  start of the attribution window
 * @param windowTo    end of the attribution window
 * @param referenceAt for {@link MatchOn#DETECTED_AT}: when detection became possible (latency is measured from it)
 */
public record ScenarioPlan(String scenario, String tenantId, Instant injectedAt, List<SimEvent> events,
                           SimSource mute, Duration muteFor, List<ExpectedAlert> expected, MatchOn matchOn,
                           Instant windowFrom, Instant windowTo, Instant referenceAt) {

    public enum MatchOn { EVENT_TIME, DETECTED_AT }

    public ScenarioPlan {
        events = List.copyOf(events);
        expected = List.copyOf(expected);
    }

    /** A plan whose alerts carry the time of one of its events. */
    static ScenarioPlan ofEvents(String scenario, String tenantId, Instant injectedAt, List<SimEvent> events,
                                 List<ExpectedAlert> expected) {
        Instant first = events.stream().map(SimEvent::time).min(Instant::compareTo).orElse(injectedAt);
        Instant last = events.stream().map(SimEvent::time).max(Instant::compareTo).orElse(injectedAt);
        return new ScenarioPlan(scenario, tenantId, injectedAt, events, null, null, expected, MatchOn.EVENT_TIME,
                first, last, first);
    }
}
