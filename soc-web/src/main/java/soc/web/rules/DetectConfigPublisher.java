package soc.web.rules;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import soc.events.EventJson;
import soc.events.TenantDetectionConfig;
import soc.events.Topics;
import soc.tenants.detection.DetectionSettings;
import soc.tenants.scope.TenantScope;

/**
 * Publishes a tenant's whole detection settings to the compacted {@link Topics#DETECT_CONFIG} topic after every
 * change (soc-detect applies them live), and every tenant's at start-up and periodically, so detection converges
 * even when one publication was lost.
 */
@Component
public class DetectConfigPublisher {
    private static final Logger log = LoggerFactory.getLogger(DetectConfigPublisher.class);
    private final DetectionSettings settings;
    private final KafkaTemplate<String, String> kafka;

    DetectConfigPublisher(DetectionSettings settings, KafkaTemplate<String, String> kafka) {
        this.settings = settings;
        this.kafka = kafka;
    }

    /** Publishes the tenant's current settings and waits for Kafka's acknowledgement. */
    public void publish(String tenantId) {
        TenantDetectionConfig config = TenantScope.call(tenantId, () -> settings.snapshot(tenantId));
        try {
            kafka.send(Topics.DETECT_CONFIG, tenantId, EventJson.write(config)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Detection settings of {} not published now (republished within the period): {}", tenantId,
                    e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    void publishAll() {
        try {
            for (String tenantId : TenantScope.call(TenantScope.ALL_TENANTS, settings::tenantIds)) {
                publish(tenantId);
            }
        } catch (RuntimeException e) {
            log.warn("Detection settings not republished: {}", e.toString());
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class RuleTopics {
        /** Declared here too: whichever service starts first creates the compacted topics. */
        @Bean
        KafkaAdmin.NewTopics ruleManagementTopics() {
            return new KafkaAdmin.NewTopics(
                    TopicBuilder.name(Topics.RULES).partitions(6).replicas(1).compact().build(),
                    TopicBuilder.name(Topics.DETECT_CONFIG).partitions(6).replicas(1).compact().build());
        }
    }
}
