package soc.tenants.discovery;

import soc.tenants.sources.SourceType;

/**
 * One recommended improvement on a tenant's roadmap.
 *
 * @param code       stable id within the tenant's roadmap (e.g. {@code SOURCE_FIREWALL}, {@code MFA_BASELINE})
 * @param rule       the rule that raised it; with {@code sourceType} it names the texts shown for it
 * @param sourceType the data source type it is about, or null
 * @param automatic  DONE because the platform saw it happen (a source of that type connected), not by hand
 * @param detail     what the rule saw: the connected or registered source's name, the existing SIEM...
 */
public record Recommendation(String code, Rule rule, SourceType sourceType, Priority priority, RoadmapStatus status,
                             boolean automatic, String detail) {

    /** The rules of the roadmap; see {@link RoadmapRules}. */
    public enum Rule {
        COMPLETE_DISCOVERY, CONNECT_SOURCE, ENABLE_LOGGING, DEPLOY_EDR, MFA_BASELINE, MFA_ALL_USERS,
        OFFLINE_BACKUPS, TEST_RESTORES, OT_MONITORING, OUT_OF_HOURS, ESCALATION_CONTACT, SIEM_TRANSITION
    }
}
