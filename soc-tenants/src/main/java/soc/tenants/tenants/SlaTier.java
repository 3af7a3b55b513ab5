package soc.tenants.tenants;

/** Service level: response targets per severity follow from it (24/7 for ENHANCED and CRITICAL_SERVICE). */
public enum SlaTier {
    STANDARD, ENHANCED, CRITICAL_SERVICE
}
