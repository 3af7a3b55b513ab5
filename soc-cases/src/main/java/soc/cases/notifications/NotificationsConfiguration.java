package soc.cases.notifications;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import soc.cases.attachments.AttachmentProperties;

/** Typed settings of notifications and evidence attachments (defaults in the records). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, AttachmentProperties.class})
class NotificationsConfiguration {
}
