package soc.tenants.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.tenants.sources.SourceType;
import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.TenantKind;

class RoadmapRulesTest {

    private static DiscoveryAnswers answers(Logging m365, Logging dns, MfaCoverage mfa, String edr, Boolean ot,
                                            Boolean plc, Boolean historian, Boolean sensor) {
        return new DiscoveryAnswers("Fortinet", edr, null, Logging.CENTRALISED, m365, dns, Logging.NOT_IN_USE,
                Logging.LOGGED_LOCALLY, Logging.CENTRALISED, mfa, true, RestoreTest.WITHIN_A_YEAR, ot, plc, historian,
                sensor, OutOfHours.ON_CALL, 2);
    }

    private static final DiscoveryAnswers WELL_RUN_COUNCIL = answers(Logging.CENTRALISED, Logging.CENTRALISED,
            MfaCoverage.ALL_USERS, "Defender for Endpoint", false, null, null, null);

    private static List<Recommendation> evaluate(TenantKind kind, DiscoveryAnswers answers, List<SourceFact> sources) {
        return RoadmapRules.evaluate(kind, ServiceModel.MANAGED, true, answers, sources, Map.of());
    }

    private static List<SourceType> sourceGaps(List<Recommendation> roadmap) {
        return roadmap.stream().filter(r -> r.rule() == Recommendation.Rule.CONNECT_SOURCE).map(Recommendation::sourceType).toList();
    }

    @Test
    void aCountyCouncilIsExpectedToSendItsSevenCoreSources() {
        List<Recommendation> roadmap = evaluate(TenantKind.COUNTY_COUNCIL, WELL_RUN_COUNCIL, List.of());
        assertThat(sourceGaps(roadmap)).containsExactlyInAnyOrder(SourceType.FIREWALL, SourceType.WINDOWS_AD,
                SourceType.M365_ENTRA, SourceType.EDR, SourceType.EMAIL_GATEWAY, SourceType.VPN, SourceType.DNS);
        // a well-run council gets nothing but the source gaps
        assertThat(roadmap).allMatch(r -> r.rule() == Recommendation.Rule.CONNECT_SOURCE && r.status() == RoadmapStatus.OPEN);
        // high priority first
        assertThat(roadmap.get(0).priority()).isEqualTo(Priority.HIGH);
        assertThat(roadmap.get(roadmap.size() - 1).priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void aFireAndRescueServiceAlsoSendsItsMobilisingSystem() {
        assertThat(sourceGaps(evaluate(TenantKind.FIRE_AND_RESCUE_SERVICE, WELL_RUN_COUNCIL, List.of())))
                .contains(SourceType.MOBILISING_SYSTEM, SourceType.FIREWALL).hasSize(8);
        assertThat(sourceGaps(evaluate(TenantKind.COUNTY_COUNCIL, WELL_RUN_COUNCIL, List.of())))
                .doesNotContain(SourceType.MOBILISING_SYSTEM);
    }

    @Test
    void aManufacturerWithOtIsExpectedToSendOtSensorHistorianAndPlcAudit() {
        DiscoveryAnswers withOt = answers(Logging.CENTRALISED, Logging.CENTRALISED, MfaCoverage.ALL_USERS, "CrowdStrike",
                true, true, true, true);
        assertThat(sourceGaps(evaluate(TenantKind.MANUFACTURER, withOt, List.of())))
                .contains(SourceType.OT_NETWORK_SENSOR, SourceType.OT_HISTORIAN, SourceType.PLC_SCADA_AUDIT);
        DiscoveryAnswers noHistorian = answers(Logging.CENTRALISED, Logging.CENTRALISED, MfaCoverage.ALL_USERS, "CrowdStrike",
                true, true, false, true);
        assertThat(sourceGaps(evaluate(TenantKind.MANUFACTURER, noHistorian, List.of())))
                .contains(SourceType.OT_NETWORK_SENSOR, SourceType.PLC_SCADA_AUDIT).doesNotContain(SourceType.OT_HISTORIAN);
        DiscoveryAnswers itOnly = answers(Logging.CENTRALISED, Logging.CENTRALISED, MfaCoverage.ALL_USERS, "CrowdStrike",
                false, null, null, null);
        assertThat(sourceGaps(evaluate(TenantKind.MANUFACTURER, itOnly, List.of())))
                .doesNotContain(SourceType.OT_NETWORK_SENSOR, SourceType.OT_HISTORIAN, SourceType.PLC_SCADA_AUDIT);
    }

    @Test
    void aConnectedSourceTicksItsItemDoneByItselfButARegisteredSilentOneDoesNot() {
        List<Recommendation> roadmap = evaluate(TenantKind.COUNTY_COUNCIL, WELL_RUN_COUNCIL, List.of(
                new SourceFact(SourceType.FIREWALL, "Perimeter firewall", true),
                new SourceFact(SourceType.DNS, "DNS resolvers", false)));
        Recommendation firewall = find(roadmap, "SOURCE_FIREWALL");
        assertThat(firewall.status()).isEqualTo(RoadmapStatus.DONE);
        assertThat(firewall.automatic()).isTrue();
        assertThat(firewall.detail()).isEqualTo("Perimeter firewall");
        Recommendation dns = find(roadmap, "SOURCE_DNS");
        assertThat(dns.status()).isEqualTo(RoadmapStatus.OPEN);
        assertThat(dns.detail()).isEqualTo("DNS resolvers");
        // done items sort last
        assertThat(roadmap.get(roadmap.size() - 1).code()).isEqualTo("SOURCE_FIREWALL");
    }

    @Test
    void storedStatusesAreKeptButAConnectionWinsOverThem() {
        List<Recommendation> roadmap = RoadmapRules.evaluate(TenantKind.COUNTY_COUNCIL, ServiceModel.MANAGED, true,
                WELL_RUN_COUNCIL, List.of(new SourceFact(SourceType.VPN, "VPN", true)),
                Map.of("SOURCE_EDR", RoadmapStatus.PLANNED, "SOURCE_VPN", RoadmapStatus.OPEN));
        assertThat(find(roadmap, "SOURCE_EDR").status()).isEqualTo(RoadmapStatus.PLANNED);
        assertThat(find(roadmap, "SOURCE_VPN").status()).isEqualTo(RoadmapStatus.DONE);
    }

    @Test
    void answersRaiseTheirImprovements() {
        DiscoveryAnswers weak = new DiscoveryAnswers("", "", "Splunk", Logging.NOT_LOGGED, Logging.NOT_IN_USE,
                Logging.NOT_LOGGED, null, Logging.CENTRALISED, Logging.CENTRALISED, MfaCoverage.NONE, false,
                RestoreTest.NEVER, true, true, true, false, OutOfHours.NONE, 0);
        List<Recommendation> roadmap = RoadmapRules.evaluate(TenantKind.COUNTY_COUNCIL, ServiceModel.HYBRID, false,
                weak, List.of(), Map.of());
        assertThat(roadmap).extracting(Recommendation::code).contains("DEPLOY_EDR", "MFA_BASELINE", "OFFLINE_BACKUPS",
                "TEST_RESTORES", "OT_MONITORING", "OUT_OF_HOURS", "ESCALATION_CONTACT", "SIEM_TRANSITION",
                "ENABLE_LOGGING_WINDOWS_AD", "ENABLE_LOGGING_DNS", "SOURCE_OT_NETWORK_SENSOR")
                // M365 answered "not in use": no M365 source expected; no discovery reminder once answered
                .doesNotContain("SOURCE_M365_ENTRA", "COMPLETE_DISCOVERY", "MFA_ALL_USERS");
        assertThat(find(roadmap, "ENABLE_LOGGING_WINDOWS_AD").priority()).isEqualTo(Priority.HIGH);
        assertThat(find(roadmap, "OUT_OF_HOURS").priority()).isEqualTo(Priority.HIGH);
        assertThat(find(roadmap, "SIEM_TRANSITION").detail()).isEqualTo("Splunk");
    }

    @Test
    void partialMfaAsksForAllUsersAndNoAnswersAskForTheQuestionnaire() {
        DiscoveryAnswers partial = answers(Logging.CENTRALISED, Logging.CENTRALISED, MfaCoverage.PRIVILEGED_ONLY,
                "Defender", false, null, null, null);
        assertThat(evaluate(TenantKind.OTHER, partial, List.of())).extracting(Recommendation::code)
                .contains("MFA_ALL_USERS").doesNotContain("MFA_BASELINE");
        List<Recommendation> unanswered = evaluate(TenantKind.COUNTY_COUNCIL, null, List.of());
        assertThat(unanswered.get(0).code()).isEqualTo("COMPLETE_DISCOVERY");
        assertThat(sourceGaps(unanswered)).hasSize(7);
    }

    private static Recommendation find(List<Recommendation> roadmap, String code) {
        return roadmap.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
    }
}
