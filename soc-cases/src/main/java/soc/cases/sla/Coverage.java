package soc.cases.sla;

/** When an SLA clock runs: around the clock, or only in the SOC's business hours. */
public enum Coverage {
    /** 24/7: every minute counts. */
    ALWAYS,
    /** Business hours only (by default Monday to Friday 09:00-17:00 Europe/London, bank holidays excluded). */
    BUSINESS_HOURS
}
