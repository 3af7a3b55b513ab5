package soc.detect.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import soc.detect.config.TenantRuleSettings;
import soc.detect.correlation.CorrelationSignal;
import soc.detect.correlation.CorrelationSignals;
import soc.detect.correlation.CorrelationTopics;
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
 * Alerts go to the tenant's alert index and the alerts topic before the batch's offsets are committed; a batch's
 * writes overlap the matching of the next ({@link #onEvents}).
 */
@Component
class DetectionWorker implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionWorker.class);
    /** How long a batch waits for the previous batch's writes before its listener call fails and is retried. */
    static final Duration PREVIOUS_WAIT = Duration.ofSeconds(10);
    private final List<DetectionRule> rules = BuiltInRules.all();
    private final SigmaEngine sigma;
    private final AlertIndexer indexer;
    private final KafkaTemplate<String, String> kafka;
    private final MeterRegistry meters;
    private final TenantRuleSettings tenantRules;
    private final CorrelationSignals correlation;
    private final IndicatorMatcher indicators;
    /** The batch whose writes are outstanding, per consumer thread (the listener runs on one per partition set). */
    private final ThreadLocal<BatchWrites> pending = new ThreadLocal<>();
    private final ExecutorService writer = Executors.newCachedThreadPool(daemon("detect-writes-"));

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

    /**
     * Matches a batch, then hands its writes (alert bulk into OpenSearch, then the alerts, dead letters and
     * correlation signals to Kafka) to a writer thread and returns, so the next batch is matched while this one is
     * written. Guarantees: at most one batch's writes are outstanding per consumer thread, and they start only after
     * the previous batch's have succeeded; the batch's offsets are acknowledged (committed by the container before
     * its next poll) only once all its writes succeeded; a failed write is retried with back-off until it succeeds,
     * and while it fails the next batch is not written: the listener throws after {@link #PREVIOUS_WAIT}, so the
     * error handler pauses the consumer and retries that batch (nothing is written, hence nothing lost or
     * duplicated, before the previous batch is through). A crash before the acknowledgement replays the batch,
     * whose alerts have the same ids (OpenSearch document ids: overwritten, not duplicated).
     */
    @KafkaListener(topics = Topics.EVENTS, groupId = "soc-detect", batch = "true",
            containerFactory = StreamConfiguration.DETECTION_LISTENER_FACTORY,
            // the event's UTF-8 bytes go straight to the JSON parser (no String of the whole record first)
            properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
    void onEvents(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Consumer<?, ?> consumer)
            throws Exception {
        Map<TopicPartition, OffsetRange> offsets = OffsetRange.of(records);
        if (willBeReadAgain(offsets, consumer)) {
            return; // not acknowledged: polled again from where the rebalance left its partitions
        }
        Batch batch = detect(records);
        BatchWrites previous = pending.get();
        if (previous != null) {
            try {
                previous.done.get(PREVIOUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("The previous batch's alert writes are still failing after {}: handing this batch of {} "
                        + "event(s) back to the error handler (consumer paused, batch retried)", PREVIOUS_WAIT,
                        records.size());
                throw new IllegalStateException("the previous batch's alert writes are still failing ("
                        + previous.lastFailure + "); retrying this batch later", e);
            }
            pending.remove();
        }
        BatchWrites writes = new BatchWrites(batch, ack, offsets);
        pending.set(writes);
        writer.execute(writes);
    }

    /**
     * True when a rebalance since this batch was polled moved one of its partitions or sought it back (the error
     * handler keeps retrying a failed batch across rebalances): the batch will be read again, by this consumer or the
     * partition's new owner, so writing it now would send its alerts twice.
     */
    private static boolean willBeReadAgain(Map<TopicPartition, OffsetRange> offsets, Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (Map.Entry<TopicPartition, OffsetRange> range : offsets.entrySet()) {
            if (!assigned.contains(range.getKey()) || consumer.position(range.getKey()) <= range.getValue().last()) {
                LOG.info("Partition {} moved or was sought back since this batch was polled: batch left to be read "
                        + "again", range.getKey());
                return true;
            }
        }
        return false;
    }

    /** A batch's first and last offset in one partition. */
    private record OffsetRange(long first, long last) {
        static Map<TopicPartition, OffsetRange> of(List<ConsumerRecord<String, byte[]>> records) {
            Map<TopicPartition, OffsetRange> ranges = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                ranges.merge(new TopicPartition(record.topic(), record.partition()),
                        new OffsetRange(record.offset(), record.offset()),
                        (a, b) -> new OffsetRange(Math.min(a.first, b.first), Math.max(a.last, b.last)));
            }
            return ranges;
        }
    }

    /** Runs the rules over a batch; no side effects outside the returned batch (its writes are not started). */
    private Batch detect(List<ConsumerRecord<String, byte[]>> records) {
        Instant now = Instant.now();
        Batch batch = new Batch(correlation.batch()); // matches feeding Sigma correlations (soc.detect.correlation)
        List<Alert> alerts = batch.alerts;
        for (ConsumerRecord<String, byte[]> record : records) {
            SocEvent event;
            try {
                event = EventJson.readEvent(record.value() == null ? new byte[0] : record.value());
            } catch (RuntimeException e) {
                batch.deadLetter(new DeadLetter(EventKeys.tenantOf(record.key()), null, "detect",
                        "unreadable event: " + e.getMessage(),
                        text(record.value()), now));
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
                sigmaMatches(sigma, tenantRules, batch.signals, event, now, alerts);
            } catch (RuntimeException | StackOverflowError e) {
                // a pathological value (e.g. a regex blowing the stack): keep the event's other alerts' batch
                // moving rather than retrying it for ever, and leave the event for analysts in the dead letters
                alerts.subList(before, alerts.size()).clear();
                batch.deadLetter(new DeadLetter(event.tenantId(), event.getString(SocEvent.SOURCE_ID), "detect",
                        "sigma evaluation failed: " + e, text(record.value()), now));
            }
            // the tenant's own Sigma rules: admitted and fed to correlations like the platform's
            customMatches(tenantRules, batch.signals, event, now, alerts);
            alerts.addAll(indicators.alerts(event, now)); // threat indicators, live set (soc.detect.indicators)
            // rules switched off and exceptions for the alerts raised outside admit (built-in rules, indicators)
            tenantRules.filter(event, alerts.subList(first, alerts.size()), now);
        }
        meters.counter("soc.detect.events").increment(records.size());
        return batch;
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** What a matched batch has to write. */
    private static final class Batch {
        final List<Alert> alerts = new ArrayList<>();
        final List<String[]> deadLetters = new ArrayList<>(); // tenant, JSON
        final CorrelationSignals.Batch signals;

        Batch(CorrelationSignals.Batch signals) {
            this.signals = signals;
        }

        void deadLetter(DeadLetter letter) {
            deadLetters.add(new String[] {letter.tenantId(), EventJson.write(letter)});
        }
    }

    /** One batch's writes, on the writer thread: retried with back-off until they all succeed, then acknowledged. */
    private final class BatchWrites implements Runnable {
        final Batch batch;
        final Acknowledgment ack;
        final Map<TopicPartition, OffsetRange> offsets;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile String lastFailure = "none yet";
        /** Given up after its partitions were revoked: no further attempt, never acknowledged. */
        volatile boolean cancelled;

        BatchWrites(Batch batch, Acknowledgment ack, Map<TopicPartition, OffsetRange> offsets) {
            this.batch = batch;
            this.ack = ack;
            this.offsets = offsets;
        }

        @Override
        public void run() {
            List<String> documents = null;
            List<CorrelationSignal> signals = null; // kept for a retry: send() clears the batch's
            List<CompletableFuture<?>> side = null;
            long backOff = 500;
            while (true) {
                if (cancelled) {
                    done.completeExceptionally(new CancellationException("partitions revoked"));
                    return;
                }
                try {
                    if (documents == null) {
                        documents = new ArrayList<>(batch.alerts.size());
                        for (Alert alert : batch.alerts) {
                            documents.add(EventJson.write(alert)); // once, for the index and the topic
                        }
                    }
                    if (side == null) { // the correlation signals and dead letters (again after a failed send)
                        if (signals == null) {
                            signals = batch.signals.pending();
                            side = new ArrayList<>(batch.signals.send());
                        } else {
                            side = new ArrayList<>(resendSignals(signals));
                        }
                        side.addAll(sendDeadLetters());
                    }
                    indexer.index(batch.alerts, documents);
                    List<CompletableFuture<?>> sends = new ArrayList<>(documents.size());
                    for (int i = 0; i < documents.size(); i++) {
                        Alert alert = batch.alerts.get(i);
                        sends.add(kafka.send(Topics.ALERTS, alert.tenantId(), documents.get(i)));
                    }
                    try {
                        CompletableFuture.allOf(side.toArray(CompletableFuture[]::new)).join();
                    } catch (RuntimeException e) {
                        side = null; // the producer gave up on one of them: all again
                        throw e;
                    }
                    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
                    break;
                } catch (Exception | Error e) { // whatever it is, retried: the batch is acknowledged only once written
                    lastFailure = e.toString();
                    LOG.warn("Writing a detection batch's {} alert(s) failed, retrying in {} ms: {}",
                            batch.alerts.size(), backOff, e.toString());
                    try {
                        Thread.sleep(backOff);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        done.completeExceptionally(stop); // shutting down: not acknowledged, replayed on restart
                        return;
                    }
                    backOff = Math.min(backOff * 2, 30_000);
                }
            }
            for (Alert alert : batch.alerts) {
                meters.counter("soc.detect.alerts", "tenant", alert.tenantId(), "rule", alert.ruleId()).increment();
            }
            if (!cancelled) { // cancelled meanwhile: the batch is replayed, and its alerts keep their ids
                ack.acknowledge();
            }
            done.complete(null);
        }

        private List<CompletableFuture<?>> sendDeadLetters() {
            List<CompletableFuture<?>> side = new ArrayList<>(batch.deadLetters.size());
            for (String[] letter : batch.deadLetters) {
                side.add(kafka.send(Topics.DEAD_LETTER, letter[0], letter[1]));
            }
            return side;
        }

        /** The records {@link CorrelationSignals.Batch#send()} sends (keyed by tenant, record time = event time). */
        private List<CompletableFuture<?>> resendSignals(List<CorrelationSignal> signals) {
            List<CompletableFuture<?>> sends = new ArrayList<>(signals.size());
            for (CorrelationSignal s : signals) {
                sends.add(kafka.send(new ProducerRecord<>(CorrelationTopics.SIGNALS, null, s.time(), s.tenantId(),
                        EventJson.write(s))));
            }
            return sends;
        }
    }

    /**
     * Partitions leaving this consumer (rebalance, shutdown) while a batch of theirs is being written; called on the
     * consumer thread before the container commits the acknowledged offsets. Waits a while so the batch is
     * acknowledged and committed now rather than replayed by the partitions' new owner. If its writes are still
     * failing, the batch is given up here (its writer stops, it is never acknowledged): the new owner replays it from
     * the committed offsets, and the partitions this consumer keeps are sought back to the batch's first offsets, so
     * nothing is skipped and the writes are not done twice at the same time.
     */
    void settleBeforeRevocation(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        BatchWrites previous = pending.get();
        if (previous == null || Collections.disjoint(previous.offsets.keySet(), partitions)) {
            return; // nothing of the revoked partitions outstanding: the next batch here waits for it as usual
        }
        try {
            previous.done.get(PREVIOUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            pending.remove(); // acknowledged: the container commits it right after this call
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still failing (or given up): below
        }
        previous.cancelled = true;
        pending.remove();
        previous.offsets.forEach((partition, range) -> {
            if (!partitions.contains(partition)) {
                consumer.seek(partition, range.first());
            }
        });
        LOG.warn("Partitions {} revoked while a batch's alert writes were failing ({}): batch given up here, "
                + "replayed from the committed offsets", partitions, previous.lastFailure);
    }

    @Override
    public void destroy() {
        writer.shutdownNow();
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

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
