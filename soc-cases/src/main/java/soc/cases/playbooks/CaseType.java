package soc.cases.playbooks;

import java.util.Collection;

/** Kinds of incident, each with its own response playbook (src/main/resources/soc/cases/playbooks/playbooks.json). */
public enum CaseType {
    RANSOMWARE, PHISHING, ACCOUNT_COMPROMISE, OT_PROCESS_DISRUPTION, DDOS, OTHER;

    /**
     * A first guess from the ATT&amp;CK techniques of a case's alerts: data encrypted for impact means ransomware,
     * phishing techniques phishing, ICS techniques (T0xxx) an OT process disruption, network or endpoint denial of
     * service DDoS, credential access or valid accounts an account compromise; anything else OTHER. The analyst
     * can change it.
     */
    public static CaseType guess(Collection<String> techniques) {
        boolean ransomware = false, phishing = false, ot = false, ddos = false, account = false;
        for (String technique : techniques) {
            String t = technique == null ? "" : technique.toUpperCase(java.util.Locale.ROOT);
            String base = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
            switch (base) {
                case "T1486", "T1490", "T1489" -> ransomware = true;
                case "T1566", "T1598", "T1204" -> phishing = true;
                case "T1498", "T1499" -> ddos = true;
                case "T1078", "T1110", "T1003", "T1555", "T1558", "T1552", "T1621", "T1556" -> account = true;
                default -> {
                    if (base.matches("T0\\d{3}")) {
                        ot = true;
                    }
                }
            }
        }
        if (ransomware) {
            return RANSOMWARE;
        }
        if (ot) {
            return OT_PROCESS_DISRUPTION;
        }
        if (ddos) {
            return DDOS;
        }
        if (phishing) {
            return PHISHING;
        }
        return account ? ACCOUNT_COMPROMISE : OTHER;
    }
}
