package soc.cases.notifications;

/** How a notification travels. */
public enum NotificationChannel {
    EMAIL, WEBHOOK
}
