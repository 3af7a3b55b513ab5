package soc.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ScenarioTest {
    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
    private final Estate estate = Estate.generate(3, 2, 1);
    private final Estate.Organisation council = estate.organisations().get(0);
    private final Estate.Organisation maker = estate.organisations().get(2);

    @Test
    void everyScenarioNamesItsTenantItsEventsAndAtLeastOneRequiredAlert() {
        for (Scenario scenario : Scenario.values()) {
            Estate.Organisation o = scenario.appliesTo(council) ? council : maker;
            ScenarioPlan plan = scenario.plan(o, T, 11);
            assertThat(plan).isEqualTo(scenario.plan(o, T, 11));
            assertThat(plan.tenantId()).isEqualTo(o.id());
            assertThat(plan.expected()).anyMatch(ExpectedAlert::required);
            assertThat(plan.events()).allMatch(e -> e.tenantId().equals(o.id()) && !e.time().isBefore(T));
            if (plan.matchOn() == ScenarioPlan.MatchOn.EVENT_TIME) {
                assertThat(plan.events()).isNotEmpty();
                assertThat(plan.windowFrom()).isEqualTo(plan.events().get(0).time());
            }
        }
    }

    @Test
    void passwordSprayTriesManyAccountsFromOneAddress() {
        ScenarioPlan plan = Scenario.PASSWORD_SPRAY.plan(council, T, 5);
        assertThat(plan.events()).hasSize(12).allMatch(e -> e.source() == SimSource.WINDOWS_SECURITY);
        assertThat(plan.events().stream().map(e -> e.payload().replaceAll(".*\"IpAddress\":\"([^\"]+)\".*", "$1")).distinct())
                .hasSize(1);
        assertThat(plan.events().stream().map(e -> e.payload().replaceAll(".*\"TargetUserName\":\"([^\"]+)\".*", "$1"))
                .distinct()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(plan.expected()).filteredOn(ExpectedAlert::required).extracting(ExpectedAlert::ruleId)
                .containsExactly(Scenario.Rules.FAILED_LOGON);
    }

    @Test
    void theSilentSourceMutesTheBranchFirewallPastItsThreshold() {
        ScenarioPlan plan = Scenario.SILENT_SOURCE.plan(council, T, 5);
        assertThat(plan.events()).isEmpty();
        assertThat(plan.mute()).isEqualTo(SimSource.BRANCH_FIREWALL);
        assertThat(plan.muteFor()).isGreaterThan(Duration.ofMinutes(SimSource.BRANCH_FIREWALL.silentAfterMinutes()));
        assertThat(plan.matchOn()).isEqualTo(ScenarioPlan.MatchOn.DETECTED_AT);
        assertThat(plan.referenceAt()).isEqualTo(T.plus(Duration.ofMinutes(5)));
        assertThat(plan.expected()).extracting(ExpectedAlert::ruleId).containsExactly(Scenario.Rules.SILENT_SOURCE);
    }

    @Test
    void otScenariosNeedFactoryOt() {
        assertThat(Scenario.PLC_STOP_FROM_IT.appliesTo(council)).isFalse();
        assertThatThrownBy(() -> Scenario.DNP3_COLD_RESTART.plan(council, T, 1)).isInstanceOf(IllegalArgumentException.class);
        ScenarioPlan stop = Scenario.PLC_STOP_FROM_IT.plan(maker, T, 1);
        assertThat(stop.events()).allMatch(e -> e.payload().contains("\"id.resp_h\":\"10.20.2.10\"")
                && e.payload().contains("\"id.orig_h\":\"10." + maker.itNetwork().split("\\.")[1] + "."));
    }
}
