package soc.cases.sla;

/** Where an SLA timer stands. */
public enum SlaState {
    /** Running, comfortably inside the target. */
    RUNNING,
    /** Running, and most of the time is gone: a breach is near. */
    WARNING,
    /** Still not done, and the deadline has passed. */
    BREACHED,
    /** Done in time. */
    MET,
    /** Done, but after the deadline. */
    MISSED,
    /** No deadline applies. */
    NONE;

    public boolean isRunning() {
        return this == RUNNING || this == WARNING || this == BREACHED;
    }
}
