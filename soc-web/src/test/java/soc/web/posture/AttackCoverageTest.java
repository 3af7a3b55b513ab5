package soc.web.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import soc.tenants.sources.SourceType;

class AttackCoverageTest {
    private static final AttackCoverage.RuleSource WINDOWS = new AttackCoverage.RuleSource("win", List.of("T1003.001"),
            "windows", "process_creation", null);
    private static final AttackCoverage.RuleSource OT = new AttackCoverage.RuleSource("ot", List.of("T0855"), "ot", null, null);
    private static final AttackCoverage.RuleSource ANY = new AttackCoverage.RuleSource("any", List.of("t1003"), null, null, null);
    private static final AttackCoverage.RuleSource PROXY = new AttackCoverage.RuleSource("proxy", List.of("T1071"), null, "proxy", null);

    @Test
    void onlyRulesFedByAConnectedSourceCanSee() {
        Map<String, Integer> visible = AttackCoverage.visibleTechniques(List.of(WINDOWS, OT, ANY, PROXY), Set.of(),
                EnumSet.of(SourceType.WINDOWS_AD));

        assertThat(visible).containsOnlyKeys("T1003.001", "T1003");
    }

    @Test
    void anOtSensorFeedsTheOtRulesAndAProxyTheProxyRules() {
        Map<String, Integer> visible = AttackCoverage.visibleTechniques(List.of(WINDOWS, OT, PROXY), Set.of(),
                EnumSet.of(SourceType.OT_NETWORK_SENSOR, SourceType.PROXY));

        assertThat(visible).containsOnlyKeys("T0855", "T1071");
    }

    @Test
    void switchedOffRulesAndNoConnectedSourceSeeNothing() {
        assertThat(AttackCoverage.visibleTechniques(List.of(WINDOWS, ANY), Set.of("win", "any"),
                EnumSet.of(SourceType.WINDOWS_AD))).isEmpty();
        assertThat(AttackCoverage.visibleTechniques(List.of(ANY), Set.of(), EnumSet.noneOf(SourceType.class))).isEmpty();
    }

    @Test
    void techniquesFromTheCatalogAreGroupedByTheirSigmaTacticInTheRightMatrix() {
        var groups = AttackTactics.group(Map.of("T1003", 1L), Map.of("T1003", 2, "T1555.003", 1, "T0999", 1),
                Map.of("T1555.003", "credential_access", "T0999", "execution"));

        assertThat(groups).extracting(PostureView.TacticCell::name).containsExactly("Credential Access", "ICS: Execution");
        assertThat(groups.get(0).techniques()).extracting(PostureView.TechniqueCell::css)
                .containsExactly("technique visible observed", "technique visible");
    }
}
