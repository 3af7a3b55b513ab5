package soc.detect.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import soc.detect.sigma.CompiledRule;
import soc.events.EventJson;
import soc.events.SocEvent;

/**
 * The detection worker's hook into correlation: per batch, collects the signals of rule matches that feed
 * correlations and sends them to {@link CorrelationTopics#SIGNALS} (keyed by tenant, record time = event time),
 * and says whether a match is also an alert of its own (Sigma {@code generate}).
 */
public final class CorrelationSignals {
    private final TenantCorrelations rules;
    private final KafkaTemplate<String, String> kafka;

    public CorrelationSignals(CorrelationRuleSet rules, KafkaTemplate<String, String> kafka) {
        this(rules == null ? null : TenantCorrelations.platformOnly(rules), kafka);
    }

    /** @param rules the platform's and each tenant's correlations; null: correlation off */
    public CorrelationSignals(TenantCorrelations rules, KafkaTemplate<String, String> kafka) {
        this.rules = rules;
        this.kafka = kafka;
    }

    public Batch batch() {
        return new Batch();
    }

    /** Signals of one batch of events; not thread-safe (one per listener call). */
    public final class Batch {
        private final List<CorrelationSignal> signals = new ArrayList<>();

        /**
         * Records the match for the correlations (the platform's and the event's tenant's own) that reference the
         * rule; true if it also alerts on its own. The caller passes only matches the tenant's settings admit.
         */
        public boolean add(CompiledRule rule, SocEvent event) {
            if (rules == null) {
                return true;
            }
            signals.addAll(rules.signals(rule, event));
            return rules.standalone(rule, event.tenantId());
        }

        /** The signals collected so far (not yet sent). */
        public List<CorrelationSignal> pending() {
            return List.copyOf(signals);
        }

        /** Sends the collected signals; the caller joins the futures before committing its offsets. */
        public List<CompletableFuture<?>> send() {
            if (kafka == null || signals.isEmpty()) {
                return List.of();
            }
            List<CompletableFuture<?>> writes = new ArrayList<>(signals.size());
            for (CorrelationSignal s : signals) {
                writes.add(kafka.send(new ProducerRecord<>(CorrelationTopics.SIGNALS, null, s.time(), s.tenantId(),
                        EventJson.write(s))));
            }
            signals.clear();
            return writes;
        }
    }
}
