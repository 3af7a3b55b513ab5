package soc.cases.cases;

/** Kinds of case timeline entries; ALERT_EVENT and ALERT_DETECTED are derived from the case's alerts and never stored. */
public enum EntryKind {
    COMMENT, STATUS, ALERT_ADDED, ASSIGNED, ALERT_EVENT, ALERT_DETECTED
}
