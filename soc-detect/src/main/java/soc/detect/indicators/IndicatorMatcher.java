package soc.detect.indicators;

import java.time.Instant;
import java.util.List;

import soc.events.Alert;
import soc.events.SocEvent;

/** The detection worker's hook: "Threat indicator match" alerts for one event against the live indicator set. */
public final class IndicatorMatcher {
    private final IndicatorSet indicators;

    public IndicatorMatcher(IndicatorSet indicators) {
        this.indicators = indicators;
    }

    public List<Alert> alerts(SocEvent event, Instant now) {
        return IndicatorAlerts.alerts(indicators, event, now);
    }
}
