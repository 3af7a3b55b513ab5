package soc.cases.alerts;

/** Orders of the alert queue, each keyset-paged over an index of its own. */
public enum QueueSort {
    /** Newest first (received time). */
    NEWEST,
    /** Most severe first, newest first within a severity. */
    SEVERITY,
    /** Alerts still awaiting acknowledgement, the soonest SLA deadline first (other statuses are left out). */
    SLA_DUE
}
