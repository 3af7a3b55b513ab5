package soc.detect.stream;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
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
     * On a rebalance the worker settles the revoked partitions' outstanding batch before the container commits
     * (a {@code ConsumerSeekAware} callback would come after that commit, too late for the batch's acknowledgement:
     * its new owner would replay it and send its alerts a second time).
     */
    @Bean(DETECTION_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<?, ?> detectionListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory, ObjectProvider<DetectionWorker> worker) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getObject());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                worker.getObject().settleBeforeRevocation(consumer, partitions);
            }
        });
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
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        // once a retried batch's listener call returns, its writes have only started; the worker acknowledges it
        // when they are done, and the container must not commit it before that
        handler.setAckAfterHandle(false);
        return handler;
    }
}
