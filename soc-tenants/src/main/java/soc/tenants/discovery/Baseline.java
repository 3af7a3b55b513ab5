package soc.tenants.discovery;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;

/**
 * The data sources the SOC expects from each kind of tenant, with the priority of connecting each, adjusted by
 * the discovery answers: a log area answered "not in use" leaves the baseline, a proxy in use joins it, and OT
 * presence adds the OT sources (network sensor always; historian and PLC/SCADA audit where present).
 * Documented in docs/onboarding.md.
 */
public final class Baseline {
    private static final Map<TenantKind, Map<SourceType, Priority>> BY_KIND = new EnumMap<>(TenantKind.class);

    static {
        Map<SourceType, Priority> council = ordered(
                SourceType.FIREWALL, Priority.HIGH, SourceType.WINDOWS_AD, Priority.HIGH,
                SourceType.M365_ENTRA, Priority.HIGH, SourceType.EDR, Priority.HIGH,
                SourceType.EMAIL_GATEWAY, Priority.MEDIUM, SourceType.VPN, Priority.MEDIUM, SourceType.DNS, Priority.MEDIUM);
        BY_KIND.put(TenantKind.COUNTY_COUNCIL, council);
        BY_KIND.put(TenantKind.COUNTY_BOROUGH_COUNCIL, council);
        Map<SourceType, Priority> fire = new LinkedHashMap<>(council);
        fire.put(SourceType.MOBILISING_SYSTEM, Priority.HIGH);
        BY_KIND.put(TenantKind.FIRE_AND_RESCUE_SERVICE, Collections.unmodifiableMap(fire));
        Map<SourceType, Priority> health = new LinkedHashMap<>(council);
        health.put(SourceType.PROXY, Priority.MEDIUM);
        BY_KIND.put(TenantKind.HEALTH_BODY, Collections.unmodifiableMap(health));
        BY_KIND.put(TenantKind.MANUFACTURER, ordered(
                SourceType.FIREWALL, Priority.HIGH, SourceType.WINDOWS_AD, Priority.HIGH, SourceType.EDR, Priority.HIGH,
                SourceType.VPN, Priority.HIGH, SourceType.M365_ENTRA, Priority.MEDIUM,
                SourceType.EMAIL_GATEWAY, Priority.MEDIUM, SourceType.DNS, Priority.MEDIUM));
        BY_KIND.put(TenantKind.OTHER, ordered(
                SourceType.FIREWALL, Priority.HIGH, SourceType.WINDOWS_AD, Priority.HIGH, SourceType.EDR, Priority.HIGH,
                SourceType.DNS, Priority.MEDIUM));
    }

    private Baseline() {
    }

    /** The unadjusted baseline of a kind of tenant, in the order the roadmap lists it. */
    public static Map<SourceType, Priority> of(TenantKind kind) {
        return BY_KIND.getOrDefault(kind, BY_KIND.get(TenantKind.OTHER));
    }

    /** The baseline of a tenant of this kind with these answers (null: questionnaire not completed yet). */
    public static Map<SourceType, Priority> sources(TenantKind kind, DiscoveryAnswers answers) {
        Map<SourceType, Priority> sources = new LinkedHashMap<>(of(kind));
        if (answers == null) {
            return sources;
        }
        sources.keySet().removeIf(type -> answers.loggingOf(type) == Logging.NOT_IN_USE);
        if (answers.proxy() != null && answers.proxy().inUse()) {
            sources.putIfAbsent(SourceType.PROXY, Priority.LOW);
        }
        if (answers.hasOt()) {
            sources.put(SourceType.OT_NETWORK_SENSOR, Priority.HIGH);
            if (!Boolean.FALSE.equals(answers.historian())) {
                sources.put(SourceType.OT_HISTORIAN, Priority.MEDIUM);
            }
            if (!Boolean.FALSE.equals(answers.plcScada())) {
                sources.put(SourceType.PLC_SCADA_AUDIT, Priority.MEDIUM);
            }
        }
        return sources;
    }

    private static Map<SourceType, Priority> ordered(Object... pairs) {
        Map<SourceType, Priority> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((SourceType) pairs[i], (Priority) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
