package soc.ingest.pipeline;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import soc.events.Topics;
import soc.ingest.IngestProperties;

/** The topics this service writes: created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics ingestTopics(IngestProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.RAW, properties), topic(Topics.EVENTS, properties), topic(Topics.DEAD_LETTER, properties));
    }

    private static NewTopic topic(String name, IngestProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build();
    }
}
