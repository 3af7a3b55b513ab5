package soc.detect.correlation;

import java.util.List;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import soc.detect.DetectProperties;
import soc.detect.config.TenantRuleSettings;
import soc.detect.opensearch.AlertIndexer;
import soc.detect.sigma.SigmaEngine;

/** Wires the correlation stage (docs/sigma.md "Correlation rules"). */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CorrelationConfiguration.class);

    @Bean
    CorrelationRuleSet correlationRuleSet(SigmaEngine engine, CorrelationProperties properties) {
        CorrelationRuleSet rules = CorrelationRuleSet.of(engine, properties.grace().toMillis(),
                properties.maxEntriesPerGroup());
        log.info("Sigma correlation rules: {} evaluated ({}), {} not evaluated", rules.correlations().size(),
                rules.correlations().stream().map(c -> c.rule().type()).distinct().sorted().toList(),
                rules.rejected().size());
        rules.rejected().stream().limit(20).forEach(r -> log.warn("Sigma correlation not evaluated: {}", r));
        return rules;
    }

    /** The platform's correlations plus each tenant's own (custom Sigma correlation rules), minus those it switched off. */
    @Bean
    TenantCorrelations tenantCorrelations(CorrelationRuleSet rules, SigmaEngine engine, TenantRuleSettings settings,
                                          CorrelationProperties properties) {
        return new TenantCorrelations(rules, engine, settings, properties.grace().toMillis(),
                properties.maxEntriesPerGroup());
    }

    @Bean
    CorrelationSignals correlationSignals(TenantCorrelations rules, CorrelationProperties properties,
                                          KafkaTemplate<String, String> kafka) {
        return properties.enabled() ? new CorrelationSignals(rules, kafka)
                : new CorrelationSignals((TenantCorrelations) null, null);
    }

    @Bean
    KafkaAdmin.NewTopics correlationTopics(DetectProperties detect) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(CorrelationTopics.SIGNALS).partitions(detect.partitions())
                        .replicas(detect.replicas()).build(),
                TopicBuilder.name(CorrelationTopics.ALERTS).partitions(detect.partitions())
                        .replicas(detect.replicas()).build());
    }

    @Bean
    CorrelationStream correlationStream(TenantCorrelations rules, CorrelationProperties properties,
                                        DetectProperties detect, KafkaAdmin admin, MeterRegistry meters) {
        Object servers = admin.getConfigurationProperties().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        String bootstrap = servers instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf)
                .toList()) : String.valueOf(servers);
        return new CorrelationStream(rules, properties, bootstrap, detect.replicas(), meters);
    }

    @Bean
    CorrelationAlertForwarder correlationAlertForwarder(AlertIndexer indexer, KafkaTemplate<String, String> kafka) {
        return new CorrelationAlertForwarder(indexer, kafka);
    }
}
