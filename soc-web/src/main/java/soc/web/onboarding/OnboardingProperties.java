package soc.web.onboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Onboarding settings.
 *
 * @param collectorTopicPartitions partitions of each tenant's direct-Kafka collector topic
 * @param collectorTopicReplicas   replication factor of that topic (1 on a single dev broker)
 * @param collectorBootstrap       Kafka address the tenants' collectors use, shown in their instructions
 *                                 (empty: the platform's own spring.kafka.bootstrap-servers)
 */
@ConfigurationProperties("soc.web.onboarding")
public record OnboardingProperties(@DefaultValue("3") int collectorTopicPartitions,
                                   @DefaultValue("1") short collectorTopicReplicas,
                                   String collectorBootstrap) {
}
