package soc.cases.cases;

/** Whether a case's assignee works for the SOC provider or for the tenant (hybrid service model). */
public enum AssigneeSide {
    PROVIDER, TENANT
}
