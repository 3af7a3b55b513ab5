package soc.web.rules;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import soc.events.EventJson;
import soc.events.RuleInfo;
import soc.events.Topics;
import soc.tenants.detection.RuleCatalog;

/** Copies the rule catalog soc-detect publishes ({@link Topics#RULES}) into PostgreSQL for the rule pages. */
@Component
class RuleCatalogIntake {
    private static final Logger log = LoggerFactory.getLogger(RuleCatalogIntake.class);
    private final RuleCatalog catalog;

    RuleCatalogIntake(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    @KafkaListener(topics = Topics.RULES, groupId = "soc-web-rule-catalog", batch = "true")
    void onRules(List<ConsumerRecord<String, String>> records) {
        List<RuleInfo> rules = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                rules.add(EventJson.read(record.value(), RuleInfo.class));
            } catch (RuntimeException e) {
                log.warn("Unreadable catalog entry {} skipped: {}", record.key(), e.toString());
            }
        }
        catalog.upsert(rules);
    }
}
