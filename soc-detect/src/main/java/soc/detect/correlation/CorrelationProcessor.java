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
 * Kafka Streams processor: one signal in, run through {@link CorrelationEvaluator} against the persistent store
 * (RocksDB, backed by a compacted changelog topic): the group's window state loaded, offered to the correlation's
 * {@link CorrelationWindow}, stored back; a satisfied window the tenant's settings admit forwards an alert (and
 * feeds correlations that reference this one). A stream-time punctuator drops groups no open window can use any
 * more.
 */
final class CorrelationProcessor implements Processor<String, String, String, String> {
    static final String STORE = "correlation-windows";
    private static final Logger log = LoggerFactory.getLogger(CorrelationProcessor.class);

    private final TenantCorrelations rules;
    private final CorrelationEvaluator evaluator;
    private final MeterRegistry meters;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> store;
    private CorrelationEvaluator.Store windows;

    CorrelationProcessor(TenantCorrelations rules, MeterRegistry meters) {
        this.rules = rules;
        this.evaluator = new CorrelationEvaluator(rules);
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        KeyValueStore<String, String> kv = store;
        this.windows = new CorrelationEvaluator.Store() {
            @Override
            public String get(String key) {
                return kv.get(key);
            }

            @Override
            public void put(String key, String value) {
                kv.put(key, value);
            }
        };
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
        handle(signal);
    }

    private void handle(CorrelationSignal signal) {
        CorrelationEvaluator.Result result = evaluator.evaluate(signal, windows, Instant.now());
        for (CorrelationWindow.Verdict verdict : result.verdicts()) {
            meters.counter("soc.detect.correlation.signals", "verdict", verdict.name().toLowerCase()).increment();
            if (verdict == CorrelationWindow.Verdict.LATE) {
                log.debug("Late signal for {} dropped: event time {} behind the group's watermark by more than grace",
                        signal.correlation(), Instant.ofEpochMilli(signal.time()));
            }
        }
        for (CorrelationEvaluator.Fired fired : result.fired()) {
            Alert alert = fired.alert();
            context.forward(new Record<>(alert.tenantId(), EventJson.write(alert), fired.time()));
            meters.counter("soc.detect.correlation.alerts", "tenant", alert.tenantId(), "rule", alert.ruleId())
                    .increment();
        }
        for (Alert alert : result.suppressed()) {
            meters.counter("soc.detect.correlation.suppressed", "tenant", alert.tenantId(), "rule", alert.ruleId())
                    .increment();
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
