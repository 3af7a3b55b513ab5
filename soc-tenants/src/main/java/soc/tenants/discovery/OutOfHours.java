package soc.tenants.discovery;

/** Who on the tenant's side can act on an escalation outside office hours. */
public enum OutOfHours {
    NONE, ON_CALL, STAFFED_24_7
}
