package soc.cases.notifications;

/** Where a notification stands: PENDING (queued or waiting for its next retry), then SENT, FAILED or NOT_CONFIGURED. */
public enum NotificationStatus {
    PENDING, SENT, FAILED, NOT_CONFIGURED
}
