package soc.cases.indicators;

import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import soc.events.Topics;

/** The indicators topic is compacted (latest value per indicator id; tombstones delete), declared by both sides. */
@Configuration(proxyBeanMethods = false)
class IndicatorTopic {
    @Bean
    KafkaAdmin.NewTopics indicatorsTopic() {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.INDICATORS).partitions(1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)).build());
    }
}
