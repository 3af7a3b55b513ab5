package soc.cases.alerts;

public enum AlertStatus {
    NEW, ACKNOWLEDGED, IN_CASE, CLOSED
}
