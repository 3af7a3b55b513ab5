package soc.web.posture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups ATT&CK technique ids by tactic for the heat map: MITRE ATT&CK Enterprise (T1xxx) and ATT&CK for ICS
 * (T0xxx). The table holds the primary tactic of the techniques our rule packs and common Sigma rules carry;
 * a technique not in it is shown under "Other" rather than guessed. Sub-techniques take their parent's tactic.
 */
public final class AttackTactics {
    /** Tactic id to name, in kill-chain order: Enterprise first, then ICS. */
    public static final Map<String, String> TACTICS = new LinkedHashMap<>();
    private static final Map<String, String> TECHNIQUE_TACTIC = Map.ofEntries(
            // Enterprise
            Map.entry("T1595", "TA0043"), Map.entry("T1592", "TA0043"),
            Map.entry("T1583", "TA0042"), Map.entry("T1588", "TA0042"),
            Map.entry("T1566", "TA0001"), Map.entry("T1190", "TA0001"), Map.entry("T1133", "TA0001"),
            Map.entry("T1078", "TA0001"), Map.entry("T1189", "TA0001"), Map.entry("T1195", "TA0001"),
            Map.entry("T1059", "TA0002"), Map.entry("T1204", "TA0002"), Map.entry("T1047", "TA0002"),
            Map.entry("T1053", "TA0002"), Map.entry("T1569", "TA0002"), Map.entry("T1203", "TA0002"),
            Map.entry("T1098", "TA0003"), Map.entry("T1136", "TA0003"), Map.entry("T1543", "TA0003"),
            Map.entry("T1547", "TA0003"), Map.entry("T1505", "TA0003"), Map.entry("T1546", "TA0003"),
            Map.entry("T1548", "TA0004"), Map.entry("T1068", "TA0004"), Map.entry("T1134", "TA0004"),
            Map.entry("T1055", "TA0004"),
            Map.entry("T1562", "TA0005"), Map.entry("T1070", "TA0005"), Map.entry("T1027", "TA0005"),
            Map.entry("T1218", "TA0005"), Map.entry("T1112", "TA0005"), Map.entry("T1036", "TA0005"),
            Map.entry("T1140", "TA0005"), Map.entry("T1202", "TA0005"), Map.entry("T1497", "TA0005"),
            Map.entry("T1003", "TA0006"), Map.entry("T1110", "TA0006"), Map.entry("T1558", "TA0006"),
            Map.entry("T1552", "TA0006"), Map.entry("T1555", "TA0006"), Map.entry("T1556", "TA0006"),
            Map.entry("T1087", "TA0007"), Map.entry("T1082", "TA0007"), Map.entry("T1018", "TA0007"),
            Map.entry("T1069", "TA0007"), Map.entry("T1046", "TA0007"), Map.entry("T1016", "TA0007"),
            Map.entry("T1033", "TA0007"), Map.entry("T1057", "TA0007"), Map.entry("T1083", "TA0007"),
            Map.entry("T1021", "TA0008"), Map.entry("T1570", "TA0008"), Map.entry("T1550", "TA0008"),
            Map.entry("T1560", "TA0009"), Map.entry("T1005", "TA0009"), Map.entry("T1114", "TA0009"),
            Map.entry("T1071", "TA0011"), Map.entry("T1105", "TA0011"), Map.entry("T1572", "TA0011"),
            Map.entry("T1090", "TA0011"), Map.entry("T1219", "TA0011"), Map.entry("T1573", "TA0011"),
            Map.entry("T1041", "TA0010"), Map.entry("T1048", "TA0010"), Map.entry("T1567", "TA0010"),
            Map.entry("T1490", "TA0040"), Map.entry("T1486", "TA0040"), Map.entry("T1489", "TA0040"),
            Map.entry("T1485", "TA0040"), Map.entry("T1498", "TA0040"), Map.entry("T1529", "TA0040"),
            // ICS
            Map.entry("T0817", "TA0108"), Map.entry("T0819", "TA0108"), Map.entry("T0866", "TA0108"),
            Map.entry("T0883", "TA0108"), Map.entry("T0886", "TA0108"),
            Map.entry("T0807", "TA0104"), Map.entry("T0858", "TA0104"), Map.entry("T0871", "TA0104"),
            Map.entry("T0853", "TA0104"),
            Map.entry("T0889", "TA0110"), Map.entry("T0839", "TA0110"), Map.entry("T0891", "TA0110"),
            Map.entry("T0820", "TA0103"), Map.entry("T0849", "TA0103"),
            Map.entry("T0840", "TA0102"), Map.entry("T0842", "TA0102"), Map.entry("T0846", "TA0102"),
            Map.entry("T0888", "TA0102"),
            Map.entry("T0843", "TA0109"), Map.entry("T0812", "TA0109"), Map.entry("T0859", "TA0109"),
            Map.entry("T0867", "TA0109"),
            Map.entry("T0801", "TA0100"), Map.entry("T0861", "TA0100"), Map.entry("T0802", "TA0100"),
            Map.entry("T0869", "TA0101"), Map.entry("T0885", "TA0101"),
            Map.entry("T0814", "TA0107"), Map.entry("T0816", "TA0107"), Map.entry("T0881", "TA0107"),
            Map.entry("T0835", "TA0107"), Map.entry("T0803", "TA0107"),
            Map.entry("T0836", "TA0106"), Map.entry("T0855", "TA0106"), Map.entry("T0831", "TA0106"),
            Map.entry("T0813", "TA0105"), Map.entry("T0826", "TA0105"), Map.entry("T0827", "TA0105"),
            Map.entry("T0828", "TA0105"), Map.entry("T0879", "TA0105"));

    static {
        String[][] tactics = {
                {"TA0043", "Reconnaissance"}, {"TA0042", "Resource Development"}, {"TA0001", "Initial Access"},
                {"TA0002", "Execution"}, {"TA0003", "Persistence"}, {"TA0004", "Privilege Escalation"},
                {"TA0005", "Defense Evasion"}, {"TA0006", "Credential Access"}, {"TA0007", "Discovery"},
                {"TA0008", "Lateral Movement"}, {"TA0009", "Collection"}, {"TA0011", "Command and Control"},
                {"TA0010", "Exfiltration"}, {"TA0040", "Impact"},
                {"TA0108", "ICS: Initial Access"}, {"TA0104", "ICS: Execution"}, {"TA0110", "ICS: Persistence"},
                {"TA0111", "ICS: Privilege Escalation"}, {"TA0103", "ICS: Evasion"}, {"TA0102", "ICS: Discovery"},
                {"TA0109", "ICS: Lateral Movement"}, {"TA0100", "ICS: Collection"},
                {"TA0101", "ICS: Command and Control"}, {"TA0107", "ICS: Inhibit Response Function"},
                {"TA0106", "ICS: Impair Process Control"}, {"TA0105", "ICS: Impact"}};
        for (String[] tactic : tactics) {
            TACTICS.put(tactic[0], tactic[1]);
        }
    }

    private AttackTactics() {
    }

    /** The tactic id of a technique ({@code T1110.003} → {@code TA0006}), or null when not in the table. */
    public static String tacticOf(String technique) {
        String id = technique.toUpperCase(Locale.ROOT);
        int dot = id.indexOf('.');
        return TECHNIQUE_TACTIC.get(dot < 0 ? id : id.substring(0, dot));
    }

    /** The observed techniques grouped by tactic in kill-chain order; unknown ones under "Other". */
    public static List<PostureView.TacticCell> group(Map<String, Long> observed) {
        return group(observed, Map.of(), Map.of());
    }

    /**
     * Observed and visible techniques grouped by tactic in kill-chain order; unknown ones under "Other".
     *
     * @param visible        technique to the number of enabled, fed rules detecting it
     * @param catalogTactics technique to a Sigma tactic name ({@code credential_access}) from the rule catalog, for
     *                       techniques not in this class's table
     */
    public static List<PostureView.TacticCell> group(Map<String, Long> observed, Map<String, Integer> visible,
                                                     Map<String, String> catalogTactics) {
        Map<String, Map<String, long[]>> byTactic = new LinkedHashMap<>();
        TACTICS.keySet().forEach(tactic -> byTactic.put(tactic, new java.util.TreeMap<>()));
        byTactic.put("OTHER", new java.util.TreeMap<>());
        java.util.Set<String> all = new java.util.TreeSet<>(observed.keySet());
        all.addAll(visible.keySet());
        for (String technique : all) {
            String tactic = tacticOf(technique);
            if (tactic == null) {
                tactic = byName(technique, catalogTactics.get(technique));
            }
            long[] counts = byTactic.get(tactic == null ? "OTHER" : tactic).computeIfAbsent(technique, k -> new long[2]);
            counts[0] += observed.getOrDefault(technique, 0L);
            counts[1] += visible.getOrDefault(technique, 0);
        }
        List<PostureView.TacticCell> cells = new ArrayList<>();
        byTactic.forEach((tactic, techniques) -> {
            if (!techniques.isEmpty()) {
                List<PostureView.TechniqueCell> list = new ArrayList<>();
                techniques.forEach((id, counts) -> list.add(new PostureView.TechniqueCell(id, counts[0], (int) counts[1])));
                cells.add(new PostureView.TacticCell(tactic, TACTICS.getOrDefault(tactic, "Other"), List.copyOf(list)));
            }
        });
        return cells;
    }

    /** A Sigma tactic name ({@code credential_access}) to the tactic id, Enterprise or ICS by the technique's range. */
    static String byName(String technique, String sigmaTactic) {
        if (sigmaTactic == null) {
            return null;
        }
        boolean ics = technique.toUpperCase(Locale.ROOT).startsWith("T0");
        String wanted = sigmaTactic.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Map.Entry<String, String> tactic : TACTICS.entrySet()) {
            String name = tactic.getValue();
            boolean icsTactic = name.startsWith("ICS: ");
            String normalised = (icsTactic ? name.substring(5) : name).toLowerCase(Locale.ROOT).replace(' ', '_');
            if (icsTactic == ics && normalised.equals(wanted)) {
                return tactic.getKey();
            }
        }
        return null;
    }
}
