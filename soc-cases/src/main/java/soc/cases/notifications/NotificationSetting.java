package soc.cases.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's notification settings as shown to admins: never the webhook secret itself, only whether one exists.
 *
 * @param escalationEmails extra 24/7 escalation mailboxes besides the tenant profile's security lead
 */
public record NotificationSetting(String tenantId, List<String> escalationEmails, String webhookUrl,
                                  boolean hasSecret, Instant secretIssuedAt, Instant updatedAt, String updatedBy) {
    public static NotificationSetting none(String tenantId) {
        return new NotificationSetting(tenantId, List.of(), null, false, null, null, null);
    }
}
