package soc.web.posture;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import soc.tenants.sources.SourceType;

/**
 * What a tenant's detection "can see": the ATT&CK techniques of the rules that are switched on for the tenant and
 * whose Sigma logsource one of its connected source types can feed. A rule without any logsource (the platform's
 * built-in rules look at every event) is fed by any connected source. Framework-free and unit-tested.
 */
public final class AttackCoverage {

    /** The parts of a catalog rule this needs. */
    public record RuleSource(String ruleId, Collection<String> techniques, String product, String category,
                             String service) {
    }

    private static final Map<SourceType, Set<String>> PRODUCTS = Map.ofEntries(
            Map.entry(SourceType.WINDOWS_AD, Set.of("windows")),
            Map.entry(SourceType.EDR, Set.of("windows", "linux", "macos")),
            Map.entry(SourceType.LINUX_SYSLOG, Set.of("linux")),
            Map.entry(SourceType.M365_ENTRA, Set.of("m365", "azure", "microsoft365", "entra")),
            Map.entry(SourceType.OT_NETWORK_SENSOR, Set.of("ot", "zeek", "suricata")),
            Map.entry(SourceType.OT_HISTORIAN, Set.of("ot")),
            Map.entry(SourceType.PLC_SCADA_AUDIT, Set.of("ot")));
    private static final Map<SourceType, Set<String>> CATEGORIES = Map.ofEntries(
            Map.entry(SourceType.FIREWALL, Set.of("firewall", "network", "network_connection")),
            Map.entry(SourceType.OT_NETWORK_SENSOR, Set.of("network", "network_connection", "dns")),
            Map.entry(SourceType.PROXY, Set.of("proxy", "webserver")),
            Map.entry(SourceType.DNS, Set.of("dns", "dns_query")),
            Map.entry(SourceType.VPN, Set.of("firewall", "network")));

    private AttackCoverage() {
    }

    /** Whether any of the connected source types can feed a rule with this logsource. */
    public static boolean fed(Set<SourceType> connected, String product, String category, String service) {
        if (connected.isEmpty()) {
            return false;
        }
        String p = lower(product);
        String c = lower(category);
        if (p == null && c == null && service == null) {
            return true;
        }
        String sv = lower(service);
        for (SourceType type : connected) {
            Set<String> products = PRODUCTS.getOrDefault(type, Set.of());
            Set<String> categories = CATEGORIES.getOrDefault(type, Set.of());
            if (p != null) {
                // a product's source carries all of that product's categories and services
                if (products.contains(p)) {
                    return true;
                }
            } else if (c != null) {
                if (categories.contains(c) || edrCategory(type, c)) {
                    return true;
                }
            } else if (categories.contains(sv)) {
                return true;
            }
        }
        return false;
    }

    /** Technique id (upper case) to the number of enabled, fed rules that detect it. */
    public static Map<String, Integer> visibleTechniques(Collection<RuleSource> rules, Set<String> disabledRules,
                                                         Set<SourceType> connected) {
        Map<String, Integer> visible = new TreeMap<>();
        for (RuleSource rule : rules) {
            if (disabledRules.contains(rule.ruleId()) || !fed(connected, rule.product(), rule.category(), rule.service())) {
                continue;
            }
            for (String technique : rule.techniques()) {
                visible.merge(technique.toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return visible;
    }

    private static boolean edrCategory(SourceType type, String category) {
        return type == SourceType.EDR && (category.startsWith("process_") || category.startsWith("file_")
                || category.startsWith("registry_") || category.equals("image_load") || category.equals("network_connection"));
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.toLowerCase(Locale.ROOT);
    }
}
