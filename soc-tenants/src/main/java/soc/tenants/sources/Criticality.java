package soc.tenants.sources;

public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL
}
