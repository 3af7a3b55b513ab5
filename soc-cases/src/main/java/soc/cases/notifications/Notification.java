package soc.cases.notifications;

import java.time.Instant;

/** One outbox message to one recipient, as stored. */
public record Notification(long id, String tenantId, Long caseId, String event, NotificationChannel channel,
                           String recipient, String subject, String body, NotificationStatus status, int attempts,
                           String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
}
