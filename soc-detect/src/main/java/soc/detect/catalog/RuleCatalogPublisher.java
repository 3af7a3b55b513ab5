package soc.detect.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import soc.detect.DetectProperties;
import soc.detect.rules.BuiltInRules;
import soc.detect.sigma.SigmaEngine;
import soc.events.EventJson;
import soc.events.RuleInfo;
import soc.events.Topics;

/**
 * Publishes the catalog of loaded rules to the compacted {@link Topics#RULES} topic once the service is ready, so
 * the web application can list what detection runs (rule management, ATT&amp;CK coverage). Every instance publishes
 * the same entries; compaction keeps one per rule.
 */
@Component
class RuleCatalogPublisher {
    private static final Logger log = LoggerFactory.getLogger(RuleCatalogPublisher.class);

    private final SigmaEngine engine;
    private final DetectProperties properties;
    private final KafkaTemplate<String, String> kafka;

    RuleCatalogPublisher(SigmaEngine engine, DetectProperties properties, KafkaTemplate<String, String> kafka) {
        this.engine = engine;
        this.properties = properties;
        this.kafka = kafka;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publish() {
        long start = System.nanoTime();
        List<RuleInfo> catalog = new RuleCatalogBuilder(properties.sigma().ruleDirs())
                .build(BuiltInRules.all(), engine, Instant.now());
        List<CompletableFuture<?>> sends = new ArrayList<>(catalog.size());
        for (RuleInfo rule : catalog) {
            sends.add(kafka.send(Topics.RULES, rule.ruleId(), EventJson.write(rule)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("Rule catalog not fully published: {}", error.toString());
            } else {
                log.info("Rule catalog published: {} rules to {} in {} ms", catalog.size(), Topics.RULES,
                        (System.nanoTime() - start) / 1_000_000);
            }
        });
    }
}
