package soc.detect.stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import soc.detect.DetectProperties;
import soc.events.Topics;

@Configuration(proxyBeanMethods = false)
class StreamConfiguration {
    /** The detection listener's container factory: Boot's settings, but offsets acknowledged by the listener. */
    static final String DETECTION_LISTENER_FACTORY = "detectionListenerFactory";

    /**
     * Boot's listener settings (concurrency, error handler, ...) with {@code AckMode.MANUAL}: {@link DetectionWorker}
     * acknowledges a batch once its alert writes, which overlap the next batch's matching, have succeeded.
     */
    @Bean(DETECTION_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<?, ?> detectionListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getObject());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }

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
