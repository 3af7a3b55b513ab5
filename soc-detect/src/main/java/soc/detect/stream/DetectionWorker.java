package soc.detect.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import soc.detect.config.TenantRuleSettings;
import soc.detect.correlation.CorrelationSignals;
import soc.detect.indicators.IndicatorMatcher;
import soc.detect.opensearch.AlertIndexer;
import soc.detect.rules.AlertFactory;
import soc.detect.rules.BuiltInRules;
import soc.detect.rules.DetectionRule;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.DeadLetter;
import soc.events.EventJson;
import soc.events.EventKeys;
import soc.events.SocEvent;
import soc.events.Topics;

/**
 * Runs the rules on every event as it streams past (no scheduled queries, so no window is ever skipped): the
 * built-in rules ({@link BuiltInRules}) and every loaded Sigma rule ({@link SigmaEngine}; one alert per matching
 * rule, with the rule's author).
 * Alerts go to the tenant's alert index and the alerts topic before the batch's offsets are committed.
 */
@Component
class DetectionWorker {
    private final List<DetectionRule> rules = BuiltInRules.all();
    private final SigmaEngine sigma;
    private final AlertIndexer indexer;
    private final KafkaTemplate<String, String> kafka;
    private final MeterRegistry meters;
    private final TenantRuleSettings tenantRules;
    private final CorrelationSignals correlation;
    private final IndicatorMatcher indicators;

    DetectionWorker(SigmaEngine sigma, AlertIndexer indexer, KafkaTemplate<String, String> kafka,
                    MeterRegistry meters, TenantRuleSettings tenantRules, CorrelationSignals correlation,
                    IndicatorMatcher indicators) {
        this.tenantRules = tenantRules;
        this.correlation = correlation;
        this.indicators = indicators;
        this.sigma = sigma;
        this.indexer = indexer;
        this.kafka = kafka;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.EVENTS, groupId = "soc-detect", batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) throws Exception {
        Instant now = Instant.now();
        List<Alert> alerts = new ArrayList<>();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        CorrelationSignals.Batch signals = correlation.batch(); // matches feeding Sigma correlations (soc.detect.correlation)
        for (ConsumerRecord<String, String> record : records) {
            SocEvent event;
            try {
                event = EventJson.readEvent(record.value());
            } catch (RuntimeException e) {
                DeadLetter letter = new DeadLetter(EventKeys.tenantOf(record.key()), null, "detect",
                        "unreadable event: " + e.getMessage(),
                        record.value(), now);
                writes.add(kafka.send(Topics.DEAD_LETTER, letter.tenantId(), EventJson.write(letter)));
                continue;
            }
            int first = alerts.size();
            for (DetectionRule rule : rules) {
                if (rule.matches(event)) {
                    alerts.add(AlertFactory.alert(rule, event, now));
                }
            }
            int before = alerts.size();
            try {
                sigmaMatches(sigma, tenantRules, signals, event, now, alerts);
            } catch (RuntimeException | StackOverflowError e) {
                // a pathological value (e.g. a regex blowing the stack): keep the event's other alerts' batch
                // moving rather than retrying it for ever, and leave the event for analysts in the dead letters
                alerts.subList(before, alerts.size()).clear();
                DeadLetter letter = new DeadLetter(event.tenantId(), event.getString(SocEvent.SOURCE_ID), "detect",
                        "sigma evaluation failed: " + e, record.value(), now);
                writes.add(kafka.send(Topics.DEAD_LETTER, letter.tenantId(), EventJson.write(letter)));
            }
            // the tenant's own Sigma rules: admitted and fed to correlations like the platform's
            customMatches(tenantRules, signals, event, now, alerts);
            alerts.addAll(indicators.alerts(event, now)); // threat indicators, live set (soc.detect.indicators)
            // rules switched off and exceptions for the alerts raised outside admit (built-in rules, indicators)
            tenantRules.filter(event, alerts.subList(first, alerts.size()), now);
        }
        meters.counter("soc.detect.events").increment(records.size());
        writes.addAll(signals.send());
        indexer.index(alerts);
        for (Alert alert : alerts) {
            writes.add(kafka.send(Topics.ALERTS, alert.tenantId(), EventJson.write(alert)));
            meters.counter("soc.detect.alerts", "tenant", alert.tenantId(), "rule", alert.ruleId()).increment();
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The platform's Sigma rules on one event: each match the tenant's settings admit (rule switched on, no
     * exception) feeds the correlations that reference it and, unless only its correlations alert (Sigma
     * {@code generate: false}), raises its own alert. A match that is not admitted does neither.
     */
    static void sigmaMatches(SigmaEngine sigma, TenantRuleSettings settings, CorrelationSignals.Batch signals,
                             SocEvent event, Instant now, List<Alert> alerts) {
        sigma.match(event.fields(), rule -> admit(settings, signals, rule, event, now, alerts));
    }

    /** The tenant's own Sigma rules on one event, admitted and fed to correlations like the platform's. */
    static void customMatches(TenantRuleSettings settings, CorrelationSignals.Batch signals, SocEvent event,
                              Instant now, List<Alert> alerts) {
        settings.matchCustom(event, rule -> admit(settings, signals, rule, event, now, alerts));
    }

    private static void admit(TenantRuleSettings settings, CorrelationSignals.Batch signals, CompiledRule rule,
                              SocEvent event, Instant now, List<Alert> alerts) {
        if (!settings.admits(event.tenantId(), AlertFactory.ruleId(rule), event, now)) {
            return; // switched off for the tenant or excepted: no alert, and no correlation window sees it
        }
        if (signals.add(rule, event)) { // false: only its correlation alerts (Sigma generate: false)
            alerts.add(AlertFactory.alert(rule, event, now));
        }
    }
}
