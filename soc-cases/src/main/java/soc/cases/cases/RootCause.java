package soc.cases.cases;

/** Why an incident happened, recorded when a case is closed; the first four are the human-error categories. */
public enum RootCause {
    PHISHING_CLICK, MISCONFIGURATION, WEAK_CREDENTIALS, UNPATCHED_SYSTEM, MALWARE, INSIDER, UNKNOWN, OTHER
}
