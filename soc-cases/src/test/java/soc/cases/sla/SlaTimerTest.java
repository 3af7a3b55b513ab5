package soc.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import soc.events.Severity;
import soc.tenants.tenants.SlaTier;

/** Timer states and the default policy table. */
class SlaTimerTest {
    private final Instant start = Instant.parse("2026-11-30T10:00:00Z");
    private final Instant due = start.plus(Duration.ofHours(4));

    @Test
    void runsWarnsInTheLastQuarterThenBreaches() {
        assertThat(SlaTimer.at(SlaTarget.ACKNOWLEDGE, start, due, null, start.plusSeconds(3600), 0.75).state())
                .isEqualTo(SlaState.RUNNING);
        SlaTimer warning = SlaTimer.at(SlaTarget.ACKNOWLEDGE, start, due, null, start.plus(Duration.ofMinutes(190)), 0.75);
        assertThat(warning.state()).isEqualTo(SlaState.WARNING);
        assertThat(warning.remaining()).isEqualTo(Duration.ofMinutes(50));
        SlaTimer breached = SlaTimer.at(SlaTarget.ACKNOWLEDGE, start, due, null, due.plus(Duration.ofMinutes(75)), 0.75);
        assertThat(breached.state()).isEqualTo(SlaState.BREACHED);
        assertThat(breached.hours()).isEqualTo(1);
        assertThat(breached.minutes()).isEqualTo(15);
    }

    @Test
    void doneInTimeIsMetAndLateIsMissed() {
        assertThat(SlaTimer.at(SlaTarget.CONTAIN, start, due, due, due.plusSeconds(99999), 0.75).state()).isEqualTo(SlaState.MET);
        assertThat(SlaTimer.at(SlaTarget.CONTAIN, start, due, due.plusSeconds(1), due, 0.75).state()).isEqualTo(SlaState.MISSED);
        assertThat(SlaTimer.at(SlaTarget.CONTAIN, start, null, null, due, 0.75).state()).isEqualTo(SlaState.NONE);
    }

    @Test
    void defaultTableIsStricterForHigherTiersAndSeverities() {
        SlaProperties defaults = SlaProperties.defaults();
        assertThat(defaults.policy(SlaTier.STANDARD).coverage()).isEqualTo(Coverage.BUSINESS_HOURS);
        assertThat(defaults.policy(SlaTier.ENHANCED).coverage()).isEqualTo(Coverage.ALWAYS);
        assertThat(defaults.policy(SlaTier.CRITICAL_SERVICE).target(SlaTarget.ACKNOWLEDGE, Severity.CRITICAL))
                .isEqualTo(Duration.ofMinutes(15));
        for (SlaTier tier : SlaTier.values()) {
            for (Severity severity : Severity.values()) {
                Duration ack = defaults.policy(tier).target(SlaTarget.ACKNOWLEDGE, severity);
                Duration contain = defaults.policy(tier).target(SlaTarget.CONTAIN, severity);
                assertThat(ack).as(tier + " " + severity).isNotNull().isLessThan(contain);
            }
        }
    }

    @Test
    void configuredValuesOverrideSingleDefaults() {
        SlaProperties configured = new SlaProperties(java.time.ZoneId.of("Europe/London"), java.time.LocalTime.of(8, 0),
                java.time.LocalTime.of(18, 0), null, null, 0.8, Duration.ofMinutes(1), Severity.HIGH,
                java.util.Map.of(SlaTier.STANDARD, new SlaProperties.TierPolicy(null,
                        java.util.Map.of(Severity.HIGH, Duration.ofMinutes(45)), null)));
        assertThat(configured.policy(SlaTier.STANDARD).target(SlaTarget.ACKNOWLEDGE, Severity.HIGH)).isEqualTo(Duration.ofMinutes(45));
        assertThat(configured.policy(SlaTier.STANDARD).target(SlaTarget.ACKNOWLEDGE, Severity.LOW)).isEqualTo(Duration.ofHours(8));
        assertThat(configured.policy(SlaTier.STANDARD).coverage()).isEqualTo(Coverage.BUSINESS_HOURS);
    }
}
