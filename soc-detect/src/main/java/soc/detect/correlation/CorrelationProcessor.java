package soc.detect.correlation;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import soc.events.Alert;
import soc.events.EventJson;

/**
 * Kafka Streams processor: one signal in, the group's window state loaded from the persistent store (RocksDB,
 * backed by a compacted changelog topic), offered to the correlation's {@link CorrelationWindow}, stored back; a
 * satisfied window forwards an alert (and feeds correlations that reference this one). A stream-time punctuator
 * drops groups no open window can use any more.
 */
final class CorrelationProcessor implements Processor<String, String, String, String> {
    static final String STORE = "correlation-windows";
    private static final Logger log = LoggerFactory.getLogger(CorrelationProcessor.class);
    private static final int MAX_CHAIN_DEPTH = 8;

    private final TenantCorrelations rules;
    private final MeterRegistry meters;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> store;

    CorrelationProcessor(TenantCorrelations rules, MeterRegistry meters) {
        this.rules = rules;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, String> record) {
        CorrelationSignal signal;
        try {
            signal = EventJson.read(record.value(), CorrelationSignal.class);
        } catch (RuntimeException e) {
            log.warn("Unreadable correlation signal skipped: {}", e.getMessage());
            meters.counter("soc.detect.correlation.signals", "verdict", "unreadable").increment();
            return;
        }
        handle(signal, 0);
    }

    private void handle(CorrelationSignal signal, int depth) {
        CorrelationRuleSet.Correlation correlation = rules.correlation(signal.tenantId(), signal.correlation());
        if (correlation == null) {
            return; // the rule is no longer loaded
        }
        String key = signal.stateKey();
        String stored = store.get(key);
        CorrelationWindow.State state = stored == null ? null : EventJson.read(stored, CorrelationWindow.State.class);
        CorrelationWindow.Outcome outcome = correlation.window().offer(state, new CorrelationWindow.Entry(
                signal.time(), signal.eventId(), signal.rule(), signal.value(), false));
        meters.counter("soc.detect.correlation.signals", "verdict", outcome.verdict().name().toLowerCase())
                .increment();
        if (outcome.verdict() == CorrelationWindow.Verdict.LATE) {
            log.debug("Late signal for {} dropped: event time {} behind watermark {} by more than grace",
                    correlation.key(), Instant.ofEpochMilli(signal.time()),
                    Instant.ofEpochMilli(outcome.state().watermark()));
            return;
        }
        if (outcome.verdict() != CorrelationWindow.Verdict.ACCEPTED) {
            return;
        }
        store.put(key, EventJson.write(outcome.state()));
        CorrelationWindow.Match match = outcome.match();
        if (match == null) {
            return;
        }
        Alert alert = rules.owner(signal.tenantId(), correlation.key()).alert(correlation, signal, match,
                Instant.now());
        context.forward(new Record<>(alert.tenantId(), EventJson.write(alert), match.lastTime()));
        meters.counter("soc.detect.correlation.alerts", "tenant", alert.tenantId(), "rule", alert.ruleId())
                .increment();
        if (depth < MAX_CHAIN_DEPTH) {
            for (CorrelationSignal next : rules.chained(signal, alert.alertId(), match.lastTime())) {
                handle(next, depth + 1);
            }
        }
    }

    private void expire(long streamTime) {
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                String[] parts = kv.key.split("\u0000", 3);
                CorrelationRuleSet.Correlation correlation = parts.length < 3 ? null
                        : rules.correlation(parts[0], parts[1]);
                if (correlation == null) {
                    store.delete(kv.key);
                    continue;
                }
                CorrelationWindow.State state = EventJson.read(kv.value, CorrelationWindow.State.class);
                CorrelationWindow.State kept = correlation.window().expire(state, streamTime);
                if (kept == null) {
                    store.delete(kv.key);
                } else if (kept.entries().size() != state.entries().size()) {
                    store.put(kv.key, EventJson.write(kept));
                }
            }
        }
    }
}
