package soc.tenants.discovery;

/** How a system's security log stands today (discovery answer per log area). */
public enum Logging {
    /** The organisation does not use such a system. */
    NOT_IN_USE,
    /** In use, but its security events are not logged (or not kept). */
    NOT_LOGGED,
    /** Logged on the system itself only. */
    LOGGED_LOCALLY,
    /** Collected centrally (a log server or SIEM). */
    CENTRALISED;

    public boolean inUse() {
        return this != NOT_IN_USE;
    }
}
