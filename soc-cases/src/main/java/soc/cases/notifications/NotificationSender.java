package soc.cases.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import soc.tenants.scope.TenantScope;

/**
 * Delivers due outbox messages: e-mail through Spring's JavaMailSender (NOT_CONFIGURED when the application has no
 * mail server configured), webhooks as signed JSON POSTs. A failure is retried with doubling delays up to
 * {@code soc.notifications.max-attempts}, then marked FAILED with its last error. Messages are claimed with a lease,
 * so several web instances can run the sender side by side.
 */
@Component
public class NotificationSender {
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final int BATCH = 50;

    private final NotificationStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final HttpClient http;

    NotificationSender(NotificationStore store, ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.store = store;
        this.mail = mail;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${soc.notifications.poll-interval:PT2S}", initialDelayString = "PT5S")
    public void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Notification sender run failed; retrying on the next run", e);
        }
    }

    /** Sends every message that is due now; returns how many were attempted. */
    public int sendDue() {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            Duration lease = properties.webhookTimeout().multipliedBy(3).plusSeconds(30);
            List<Notification> due = store.claimDue(BATCH, lease);
            for (Notification notification : due) {
                deliver(notification);
            }
            return due.size();
        });
    }

    private void deliver(Notification notification) {
        try {
            switch (notification.channel()) {
                case EMAIL -> email(notification);
                case WEBHOOK -> webhook(notification);
            }
        } catch (RuntimeException e) {
            failed(notification, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void email(Notification notification) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            store.markNotConfigured(notification.id(), "not sent: mail not configured (spring.mail.host)");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(notification.recipient());
        message.setSubject(notification.subject());
        message.setText(notification.body());
        sender.send(message);
        store.markSent(notification.id(), notification.recipient());
    }

    private void webhook(Notification notification) {
        NotificationStore.StoredSetting setting = store.setting(notification.tenantId()).orElse(null);
        if (setting == null || setting.webhookUrl() == null || setting.webhookSecret() == null) {
            store.markNotConfigured(notification.id(), "not sent: the tenant's webhook was removed or has no secret");
            return;
        }
        URI target = URI.create(setting.webhookUrl());
        if (!properties.allowPrivateWebhookTargets()) {
            String refusal = WebhookTargets.refusal(target);
            if (refusal != null) {
                failed(notification, "webhook target refused: " + refusal);
                return;
            }
        }
        byte[] body = notification.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "soc-platform-webhooks")
                .header(WebhookSignature.EVENT_HEADER, notification.event())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(Instant.now().getEpochSecond()))
                .header(WebhookSignature.HEADER, WebhookSignature.sign(setting.webhookSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            failed(notification, "webhook unreachable: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(notification, "interrupted");
            return;
        }
        if (response.statusCode() / 100 == 2) {
            store.markSent(notification.id(), setting.webhookUrl());
        } else {
            failed(notification, "webhook answered HTTP " + response.statusCode());
        }
    }

    private void failed(Notification notification, String error) {
        int attempts = notification.attempts() + 1;
        Instant retryAt = attempts >= properties.maxAttempts() ? null
                : Instant.now().plus(properties.retryDelay(attempts));
        store.markFailed(notification.id(), error, retryAt);
        log.info("Notification {} ({} to {}) failed attempt {}: {}{}", notification.id(), notification.channel(),
                notification.recipient(), attempts, error, retryAt == null ? " - giving up" : "");
    }
}
