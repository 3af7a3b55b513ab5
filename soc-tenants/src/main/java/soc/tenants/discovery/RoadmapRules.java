package soc.tenants.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import soc.tenants.discovery.Recommendation.Rule;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.TenantKind;

/**
 * Plain-Java rules that turn a tenant's kind, discovery answers and registered sources into a roadmap of
 * recommended improvements. Source gaps are measured against the {@link Baseline}; a "connect source" item is
 * DONE by itself as soon as a source of that type has sent an event. Other items keep the status an officer
 * gave them (OPEN by default).
 */
public final class RoadmapRules {
    private static final Comparator<Recommendation> ORDER = Comparator
            .comparing(Recommendation::status).thenComparing(Recommendation::priority);

    private RoadmapRules() {
    }

    /**
     * @param answers  the latest questionnaire, or null when none was completed
     * @param statuses the stored status per recommendation code
     */
    public static List<Recommendation> evaluate(TenantKind kind, ServiceModel serviceModel, boolean hasEscalationContact,
                                                DiscoveryAnswers answers, List<SourceFact> sources,
                                                Map<String, RoadmapStatus> statuses) {
        List<Recommendation> items = new ArrayList<>();
        Raised raised = (code, rule, type, priority, detail) ->
                items.add(new Recommendation(code, rule, type, priority,
                        statuses.getOrDefault(code, RoadmapStatus.OPEN), false, detail));

        if (answers == null) {
            raised.add("COMPLETE_DISCOVERY", Rule.COMPLETE_DISCOVERY, null, Priority.HIGH, null);
        }
        for (Map.Entry<SourceType, Priority> expected : Baseline.sources(kind, answers).entrySet()) {
            SourceType type = expected.getKey();
            String code = "SOURCE_" + type.name();
            Optional<SourceFact> connected = sources.stream().filter(s -> s.type() == type && s.connected()).findFirst();
            if (connected.isPresent()) {
                items.add(new Recommendation(code, Rule.CONNECT_SOURCE, type, expected.getValue(), RoadmapStatus.DONE,
                        true, connected.get().name()));
            } else {
                String registered = sources.stream().filter(s -> s.type() == type).map(SourceFact::name)
                        .findFirst().orElse(null);
                raised.add(code, Rule.CONNECT_SOURCE, type, expected.getValue(), registered);
            }
            Logging logging = answers == null ? null : answers.loggingOf(type);
            if (logging == Logging.NOT_LOGGED) {
                raised.add("ENABLE_LOGGING_" + type.name(), Rule.ENABLE_LOGGING, type,
                        type == SourceType.WINDOWS_AD || type == SourceType.M365_ENTRA ? Priority.HIGH : Priority.MEDIUM,
                        null);
            }
        }
        if (answers != null) {
            if (!answers.hasEdr()) {
                raised.add("DEPLOY_EDR", Rule.DEPLOY_EDR, null, Priority.HIGH, null);
            }
            if (answers.mfa() == MfaCoverage.NONE) {
                raised.add("MFA_BASELINE", Rule.MFA_BASELINE, null, Priority.HIGH, null);
            } else if (answers.mfa() == MfaCoverage.PRIVILEGED_ONLY || answers.mfa() == MfaCoverage.REMOTE_AND_PRIVILEGED) {
                raised.add("MFA_ALL_USERS", Rule.MFA_ALL_USERS, null, Priority.MEDIUM, null);
            }
            if (Boolean.FALSE.equals(answers.offlineBackups())) {
                raised.add("OFFLINE_BACKUPS", Rule.OFFLINE_BACKUPS, null, Priority.HIGH, null);
            }
            if (answers.restoreTested() == RestoreTest.NEVER || answers.restoreTested() == RestoreTest.OVER_A_YEAR_AGO) {
                raised.add("TEST_RESTORES", Rule.TEST_RESTORES, null, Priority.MEDIUM, null);
            }
            if (answers.hasOt() && !Boolean.TRUE.equals(answers.otSensor())) {
                raised.add("OT_MONITORING", Rule.OT_MONITORING, null, Priority.HIGH, null);
            }
            if (answers.outOfHours() == OutOfHours.NONE) {
                raised.add("OUT_OF_HOURS", Rule.OUT_OF_HOURS, null,
                        serviceModel == ServiceModel.MANAGED ? Priority.MEDIUM : Priority.HIGH, null);
            }
            if (answers.hasSiem()) {
                raised.add("SIEM_TRANSITION", Rule.SIEM_TRANSITION, null, Priority.LOW, answers.siemProduct().trim());
            }
        }
        if (!hasEscalationContact) {
            raised.add("ESCALATION_CONTACT", Rule.ESCALATION_CONTACT, null, Priority.MEDIUM, null);
        }
        items.sort(ORDER);
        return List.copyOf(items);
    }

    @FunctionalInterface
    private interface Raised {
        void add(String code, Rule rule, SourceType type, Priority priority, String detail);
    }
}
