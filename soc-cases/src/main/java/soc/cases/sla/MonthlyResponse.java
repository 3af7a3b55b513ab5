package soc.cases.sla;

import java.time.Duration;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Response figures of one tenant for the cases whose clock started in one month (Europe/London months by default).
 *
 * @param cases          cases started in the month
 * @param acknowledged   of which acknowledged
 * @param mtta           mean time to acknowledge (null without acknowledged cases)
 * @param resolved       of which resolved (or closed)
 * @param mttr           mean time to resolve (null without resolved cases)
 * @param ackMeasured    cases whose acknowledgement target is decided (acknowledged, or past the deadline)
 * @param ackMet         of which acknowledged in time
 * @param containMeasured cases whose containment target is decided
 * @param containMet     of which contained in time
 */
public record MonthlyResponse(String tenantId, YearMonth month, int cases, int acknowledged, Duration mtta,
                              int resolved, Duration mttr, int ackMeasured, int ackMet, int containMeasured,
                              int containMet) {

    /** Share of acknowledgement targets met, in percent (null when none is decided yet). */
    @JsonProperty
    public Double ackCompliancePercent() {
        return percent(ackMet, ackMeasured);
    }

    /** Share of containment targets met, in percent (null when none is decided yet). */
    @JsonProperty
    public Double containCompliancePercent() {
        return percent(containMet, containMeasured);
    }

    /** Share of all decided targets (acknowledge and contain) met, in percent (null when none is decided yet). */
    @JsonProperty
    public Double compliancePercent() {
        return percent(ackMet + containMet, ackMeasured + containMeasured);
    }

    private static Double percent(int met, int measured) {
        return measured == 0 ? null : Math.round(1000.0 * met / measured) / 10.0;
    }
}
