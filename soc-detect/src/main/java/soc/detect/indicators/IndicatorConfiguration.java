package soc.detect.indicators;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import soc.detect.DetectProperties;
import soc.events.Topics;

/** Wires threat indicator matching (docs/sigma.md "Threat indicators"). */
@Configuration(proxyBeanMethods = false)
class IndicatorConfiguration {

    @Bean
    IndicatorSet indicatorSet() {
        return new IndicatorSet();
    }

    @Bean
    IndicatorMatcher indicatorMatcher(IndicatorSet indicators) {
        return new IndicatorMatcher(indicators);
    }

    @Bean
    KafkaAdmin.NewTopics indicatorTopic(DetectProperties detect) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.INDICATORS).partitions(1)
                .replicas(detect.replicas()).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT)).build());
    }

    @Bean
    IndicatorFeed indicatorFeed(IndicatorSet indicators, KafkaAdmin admin) {
        Object servers = admin.getConfigurationProperties().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        String bootstrap = servers instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf)
                .toList()) : String.valueOf(servers);
        return new IndicatorFeed(indicators, bootstrap);
    }
}
