package soc.cases.sla;

/** What an SLA measures: time to acknowledge, and time to contain (or resolve, whichever comes first). */
public enum SlaTarget {
    ACKNOWLEDGE, CONTAIN
}
