package soc.cases.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notifications: where case links point, who e-mails come from, and how the outbox retries.
 *
 * @param baseUrl       the web application's public address, for the case links in e-mails and webhooks
 * @param mailFrom      sender address of notification e-mails
 * @param pollInterval  how often the sender looks for due messages
 * @param retryBase     delay before the first retry; doubled after every failure
 * @param retryMax      longest delay between two attempts
 * @param maxAttempts   attempts before a message is given up as FAILED
 * @param webhookTimeout connect and response timeout of one webhook call
 * @param allowPrivateWebhookTargets allow webhooks to loopback, private and link-local addresses (default false)
 */
@ConfigurationProperties("soc.notifications")
public record NotificationProperties(String baseUrl, String mailFrom, Duration pollInterval, Duration retryBase,
                                     Duration retryMax, int maxAttempts, Duration webhookTimeout,
                                     boolean allowPrivateWebhookTargets) {
    public NotificationProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "soc-notifications@localhost" : mailFrom;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        retryBase = retryBase == null ? Duration.ofSeconds(2) : retryBase;
        retryMax = retryMax == null ? Duration.ofMinutes(10) : retryMax;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
    }

    /** The delay after the given number of failed attempts: retryBase doubled per failure, at most retryMax. */
    public Duration retryDelay(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = retryBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
