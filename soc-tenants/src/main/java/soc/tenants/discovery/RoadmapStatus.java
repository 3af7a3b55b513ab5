package soc.tenants.discovery;

public enum RoadmapStatus {
    OPEN, PLANNED, DONE
}
