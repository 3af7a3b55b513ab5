package soc.ingest.pipeline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a downstream write fails (OpenSearch or Kafka unavailable), retry the same batch for as long as it
 * takes, backing off up to 30 s: accepted data is never dropped, and offsets stay uncommitted meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class RetryConfiguration {

    @Bean
    CommonErrorHandler retryUntilWritten() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
