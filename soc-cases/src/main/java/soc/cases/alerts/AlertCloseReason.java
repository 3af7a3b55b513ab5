package soc.cases.alerts;

/** Why an analyst closed an alert without a case. */
public enum AlertCloseReason {
    FALSE_POSITIVE, BENIGN_TRUE_POSITIVE, DUPLICATE, EXPECTED_ACTIVITY, TEST, OTHER
}
