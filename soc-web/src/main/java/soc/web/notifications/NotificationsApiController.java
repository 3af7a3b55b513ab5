package soc.web.notifications;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import soc.cases.notifications.NotificationOutbox;
import soc.cases.notifications.NotificationSetting;
import soc.cases.notifications.NotificationSettings;
import soc.tenants.tenants.TenantService;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/** A tenant's notification settings (never the secret) and recent deliveries over JSON, with the page's roles. */
@RestController
@Tag(name = "Notifications", description = "Escalation e-mails and signed webhooks of a tenant")
class NotificationsApiController {
    private final NotificationSettings settings;
    private final NotificationOutbox outbox;
    private final TenantService tenants;
    private final TenantAccess access;

    NotificationsApiController(NotificationSettings settings, NotificationOutbox outbox, TenantService tenants,
                               TenantAccess access) {
        this.settings = settings;
        this.outbox = outbox;
        this.tenants = tenants;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants/{id}/notifications")
    @Operation(summary = "Notification settings (without the webhook secret) and the latest 50 deliveries")
    Map<String, Object> notifications(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        access.requireVisible(user, id);
        if (tenants.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        NotificationSetting setting = settings.of(id);
        List<Map<String, Object>> recent = outbox.recent(id, 50).stream().map(n -> Map.<String, Object>of(
                "id", n.id(), "event", n.event(), "channel", n.channel().name(), "recipient", n.recipient(),
                "status", n.status().name(), "attempts", n.attempts(),
                "lastError", n.lastError() == null ? "" : n.lastError(),
                "caseId", n.caseId() == null ? "" : n.caseId(), "createdAt", n.createdAt().toString())).toList();
        return Map.of("settings", setting, "recent", recent);
    }
}
