package soc.web.posture;

import java.util.ArrayList;
import java.util.List;

/**
 * The posture score (0-100) of one tenant and its breakdown. Each component scores 0-100; components without
 * data (no SLA deadlines yet, no self-assessment yet) are left out and the others' weights re-normalised, so a
 * new tenant is not marked down for what cannot be measured yet. Framework-free and unit-tested.
 *
 * <ul>
 *   <li>Coverage (30): share of planned sources connected (60 %) and of inventoried assets with telemetry (40 %).</li>
 *   <li>Response (20): share of alerts acknowledged within their SLA deadline.</li>
 *   <li>Exposure (15): 100 less 25 per open high or critical case.</li>
 *   <li>Onboarding (15): share of the onboarding checklist done.</li>
 *   <li>Maturity (20): the latest self-assessment as a percentage.</li>
 * </ul>
 */
public record PostureScore(Integer total, List<Component> components) {

    public enum Part {
        COVERAGE(30), RESPONSE(20), EXPOSURE(15), ONBOARDING(15), MATURITY(20);

        private final int weight;

        Part(int weight) {
            this.weight = weight;
        }

        public int weight() {
            return weight;
        }
    }

    /** @param score 0-100, or null when there is no data for it */
    public record Component(Part part, Integer score) {
        public boolean measured() {
            return score != null;
        }
    }

    /**
     * What the score is computed from.
     *
     * @param slaCompliancePercent share of alerts acknowledged within the SLA, null when none had a deadline
     * @param maturityPercent      latest self-assessment, null when none
     */
    public record Inputs(int sourcesPlanned, int sourcesConnected, int assets, int assetsWithTelemetry,
                         Integer slaCompliancePercent, long openHighCases, int onboardingDone, int onboardingTotal,
                         Integer maturityPercent) {
    }

    public static PostureScore of(Inputs in) {
        List<Component> components = new ArrayList<>();
        components.add(new Component(Part.COVERAGE, coverage(in)));
        components.add(new Component(Part.RESPONSE, clamp(in.slaCompliancePercent())));
        components.add(new Component(Part.EXPOSURE, (int) Math.max(0, 100 - 25 * in.openHighCases())));
        components.add(new Component(Part.ONBOARDING, in.onboardingTotal() == 0 ? null
                : percent(in.onboardingDone(), in.onboardingTotal())));
        components.add(new Component(Part.MATURITY, clamp(in.maturityPercent())));
        double weighted = 0;
        int weights = 0;
        for (Component component : components) {
            if (component.measured()) {
                weighted += component.score() * component.part().weight();
                weights += component.part().weight();
            }
        }
        return new PostureScore(weights == 0 ? null : (int) Math.round(weighted / weights), List.copyOf(components));
    }

    /** The coverage component alone (also shown on the programme view). */
    public static Integer coverage(Inputs in) {
        if (in.sourcesPlanned() == 0) {
            return in.assets() == 0 ? 0 : percent(in.assetsWithTelemetry(), in.assets());
        }
        int sources = percent(in.sourcesConnected(), in.sourcesPlanned());
        if (in.assets() == 0) {
            return sources;
        }
        return (int) Math.round(0.6 * sources + 0.4 * percent(in.assetsWithTelemetry(), in.assets()));
    }

    public Integer scoreOf(Part part) {
        for (Component component : components) {
            if (component.part() == part) {
                return component.score();
            }
        }
        return null;
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * Math.min(part, whole) / whole);
    }

    private static Integer clamp(Integer value) {
        return value == null ? null : Math.max(0, Math.min(100, value));
    }
}
