package soc.tenants.discovery;

/** Who has to pass multi-factor authentication today. */
public enum MfaCoverage {
    NONE, PRIVILEGED_ONLY, REMOTE_AND_PRIVILEGED, ALL_USERS
}
