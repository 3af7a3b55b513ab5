package soc.tenants.discovery;

public enum Priority {
    HIGH, MEDIUM, LOW
}
