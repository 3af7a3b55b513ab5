package soc.cases.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.TenantIds;
import soc.tenants.audit.AuditLog;

/**
 * A tenant's notification settings: extra 24/7 escalation mailboxes and the webhook (URL and signing secret).
 * The secret is returned once, when issued, and never shown again. Which users may change them and for which tenant
 * is the web application's check; row-level security limits the rows underneath.
 */
@Service
public class NotificationSettings {
    public static final int MAX_EMAILS = 20;
    public static final int MAX_URL = 2000;

    private final NotificationStore store;
    private final AuditLog audit;
    private final NotificationProperties properties;

    NotificationSettings(NotificationStore store, AuditLog audit, NotificationProperties properties) {
        this.store = store;
        this.audit = audit;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public NotificationSetting of(String tenantId) {
        return store.setting(tenantId)
                .map(s -> new NotificationSetting(s.tenantId(), EmailAddresses.split(s.escalationEmails()),
                        s.webhookUrl(), s.webhookSecret() != null, s.secretIssuedAt(), s.updatedAt(), s.updatedBy()))
                .orElseGet(() -> NotificationSetting.none(tenantId));
    }

    /** Saves the escalation mailboxes and the webhook URL (blank: no webhook). */
    @Transactional
    public NotificationSetting save(String actor, String tenantId, String escalationEmails, String webhookUrl) {
        requireTenant(tenantId);
        List<String> emails = EmailAddresses.split(escalationEmails);
        for (String email : emails) {
            if (!EmailAddresses.isAddress(email)) {
                throw new NotificationException("notifications.error.email", "Not an e-mail address: " + email, email);
            }
        }
        if (emails.size() > MAX_EMAILS) {
            throw new NotificationException("notifications.error.tooManyEmails",
                    "At most " + MAX_EMAILS + " escalation addresses", MAX_EMAILS);
        }
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : requireUrl(webhookUrl.strip());
        if (url != null && !properties.allowPrivateWebhookTargets()) {
            String refusal = WebhookTargets.refusal(URI.create(url));
            if (refusal != null) {
                throw new NotificationException("notifications.error.target",
                        "The webhook must be reachable on the internet: " + refusal, refusal);
            }
        }
        store.saveSetting(tenantId, emails.isEmpty() ? null : String.join(", ", emails), url, actor);
        audit.record(actor, tenantId, "notifications.settings",
                "escalation e-mails " + emails.size() + ", webhook " + (url == null ? "none" : url));
        return of(tenantId);
    }

    /** Issues a new webhook signing secret, replacing the old one at once; the only time it is ever returned. */
    @Transactional
    public String issueSecret(String actor, String tenantId) {
        requireTenant(tenantId);
        String secret = WebhookSignature.newSecret();
        store.saveSecret(tenantId, secret, actor);
        audit.record(actor, tenantId, "notifications.secret", "webhook signing secret issued");
        return secret;
    }

    static String requireUrl(String url) {
        if (url.length() > MAX_URL) {
            throw new NotificationException("notifications.error.url", "Not a valid http(s) URL", url);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new NotificationException("notifications.error.url", "Not a valid http(s) URL", url);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new NotificationException("notifications.error.url", "Not a valid http(s) URL", url);
        }
    }

    private static void requireTenant(String tenantId) {
        if (!TenantIds.isValid(tenantId)) {
            throw new NotificationException("notifications.error.tenant", "Unknown tenant", tenantId);
        }
    }
}
