package soc.tenants.discovery;

/** When a full restore from backup was last tested. */
public enum RestoreTest {
    NEVER, OVER_A_YEAR_AGO, WITHIN_A_YEAR
}
