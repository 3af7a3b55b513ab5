package soc.detect.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import soc.detect.DetectProperties;
import soc.events.Topics;

@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    KafkaAdmin.NewTopics detectTopics(DetectProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.EVENTS).partitions(properties.partitions()).replicas(properties.replicas()).build(),
                TopicBuilder.name(Topics.ALERTS).partitions(properties.partitions()).replicas(properties.replicas()).build(),
                TopicBuilder.name(Topics.DEAD_LETTER).partitions(properties.partitions()).replicas(properties.replicas()).build());
    }

    /** A failed write retries the same batch with back-off until it succeeds: no detection is skipped. */
    @Bean
    CommonErrorHandler retryUntilWritten() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
