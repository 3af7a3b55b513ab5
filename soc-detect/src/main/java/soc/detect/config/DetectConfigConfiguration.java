package soc.detect.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import soc.detect.DetectProperties;
import soc.events.Topics;

/** Per-tenant detection settings: the compacted topics of rule management and the settings the detection path uses. */
@Configuration(proxyBeanMethods = false)
class DetectConfigConfiguration {

    @Bean
    TenantRuleSettings tenantRuleSettings(DetectProperties properties) {
        Map<String, List<String>> placeholders = properties.sigma().placeholders().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() == null ? List.of()
                        : e.getValue().stream().filter(v -> v != null && !v.isBlank()).toList()));
        return new TenantRuleSettings(placeholders);
    }

    /** Both topics are compacted: the latest message per key (rule id, tenant id) is the current state. */
    @Bean
    KafkaAdmin.NewTopics ruleManagementTopics(DetectProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.RULES).partitions(properties.partitions()).replicas(properties.replicas())
                        .compact().build(),
                TopicBuilder.name(Topics.DETECT_CONFIG).partitions(properties.partitions())
                        .replicas(properties.replicas()).compact().build());
    }
}
