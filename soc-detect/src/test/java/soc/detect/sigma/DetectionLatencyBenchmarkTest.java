package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import soc.detect.DetectApplication;
import soc.events.Alert;
import soc.events.EventJson;
import soc.events.EventKeys;
import soc.events.RawKeys;
import soc.events.SocEvent;
import soc.events.Topics;
import soc.infra.LocalInfra;
import soc.infra.TestInfra;

/**
 * End-to-end detection latency at a sustained event rate (issue "Streaming detection", performance): the real
 * detection service ({@link DetectApplication}: DetectionWorker, the whole SigmaHQ rule set plus the built-in packs,
 * correlation stream, alert indexing into OpenSearch) on a real Kafka and OpenSearch (soc-testsupport), fed with
 * normalised events on the events topic at a paced rate, a known fraction of them the SigmaHQ regression events
 * (which match rules) and the rest a benign process-creation event (checked to match no rule). For every alert,
 * latency = alert record timestamp on the alerts topic (set when the service sends it, i.e. after its OpenSearch
 * bulk) minus the event record's produce timestamp; both clocks are this machine's.
 *
 * <p>Skipped unless {@code -Dsoc.bench=true}; fails when the p99 exceeds 1 s or the rate fell short of 95 % of the
 * target. Knobs: {@code bench.latency.rate} (events/s, 5000), {@code bench.latency.seconds} (60, after a
 * {@code bench.latency.warmup} of 30 s at the same rate, then a wait (at most {@code bench.latency.catchup}, 180 s)
 * until the service has committed every warm-up event, so the measured window starts from a service that is keeping
 * up, not from the backlog of its JIT compilation), {@code bench.latency.matching} (fraction of regression events, 0.1),
 * {@code bench.latency.tenants} (1; the events are keyed by tenant and host like soc-ingest's ({@code EventKeys}),
 * the benign events coming from 200 workstations, so a tenant's stream spreads over the topic's partitions). Results on
 * stdout ({@code [latency]}); docs/benchmarks.md ("Detection") records them.
 */
class DetectionLatencyBenchmarkTest {
    private static final String TENANT = "bench-latency";
    /** Tenants the events are spread over (round robin). */
    private static final int TENANTS = Integer.getInteger("bench.latency.tenants", 1);
    /** At most this long after the warm-up for the service to work off its backlog before the measured window. */
    private static final int CATCH_UP_SECONDS = Integer.getInteger("bench.latency.catchup", 180);

    @Test
    void eventToAlertLatencyAtASustainedRate() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("soc.bench"), "benchmark: run with -Dsoc.bench=true");
        int rate = Integer.getInteger("bench.latency.rate", 5000);
        int seconds = Integer.getInteger("bench.latency.seconds", 60);
        int warmupSeconds = Integer.getInteger("bench.latency.warmup", 30);
        double matching = Double.parseDouble(System.getProperty("bench.latency.matching", "0.1"));

        TestInfra.kafka();
        LocalInfra infra = TestInfra.openSearch(); // the same instance, now with both (no PostgreSQL: not needed)
        Map<String, String> props = new LinkedHashMap<>(infra.springProperties());
        props.put("server.port", "0");
        String concurrency = System.getProperty("bench.latency.concurrency"); // listener threads (service default: 2)
        if (concurrency != null) {
            props.put("spring.kafka.listener.concurrency", concurrency);
        }
        java.nio.file.Path rules = Corpus.sigma().resolve("rules");
        props.put("soc.detect.sigma.rule-dirs", String.join(",", rules.resolve("rules").toString(),
                rules.resolve("rules-emerging-threats").toString(), rules.resolve("rules-threat-hunting").toString()));
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext detect = DetectApplication.builder()
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            SigmaEngine engine = detect.getBean(SigmaEngine.class);
            System.out.printf("[latency] detection service up in %d s with %s%n", (System.nanoTime() - t0) / 1_000_000_000L,
                    engine.loadReport());
            List<Map<String, Object>> matchingEvents = new ArrayList<>();
            for (SocEvent e : DetectionBenchmark.regressionEvents()) {
                matchingEvents.add(e.fields());
            }
            Map<String, Object> benign = benignEvent();
            assertThat(engine.match(benign)).as("the benign event matches no Sigma rule").isEmpty();

            String bootstrap = infra.kafkaBootstrapServers();
            Map<String, Long> produced = new ConcurrentHashMap<>();
            List<long[]> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong warmupAlerts = new AtomicLong();
            Thread consumer = new Thread(() -> consumeAlerts(bootstrap, produced, latencies, warmupAlerts, stop),
                    "latency-alerts");
            consumer.start();

            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                Pace warm = pace(producer, "warm", rate, warmupSeconds, matching, matchingEvents, benign, produced);
                System.out.printf("[latency] warm-up: %d events in %.1f s, %d alerts so far%n", warm.sent,
                        warm.seconds, warmupAlerts.get());
                // the measured window starts once the service has worked off the warm-up (JIT compilation makes it
                // fall behind at first): every warm-up event's offset committed by the detection consumer group
                long caughtUp = System.nanoTime();
                long lag = awaitCaughtUp(bootstrap, Duration.ofSeconds(CATCH_UP_SECONDS));
                System.out.printf("[latency] warm-up backlog: worked off %.1f s after the warm-up ended (lag %d)%n",
                        (System.nanoTime() - caughtUp) / 1e9, lag);
                latencies.clear();
                io.micrometer.core.instrument.Counter processed = detect.getBean(
                        io.micrometer.core.instrument.MeterRegistry.class).counter("soc.detect.events");
                double processed0 = processed.count();
                double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                long cpu0 = processCpuNanos();
                Map<String, Long> threads0 = cpuByThreadGroup();
                Pace run = pace(producer, "run", rate, seconds, matching, matchingEvents, benign, produced);
                // drain: until no new alert for 10 s (or 60 s at most)
                long last = -1;
                long quietSince = System.nanoTime();
                long drainDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < drainDeadline && System.nanoTime() - quietSince < 10_000_000_000L) {
                    Thread.sleep(500);
                    int n = latencies.size();
                    if (n != last) {
                        last = n;
                        quietSince = System.nanoTime();
                    }
                }
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                double events = processed.count() - processed0;
                Map<String, Long> threads1 = cpuByThreadGroup();
                double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                stop.set(true);
                consumer.join(10_000);
                long[] byRecord;
                long[] byConsumer;
                synchronized (latencies) {
                    byRecord = latencies.stream().mapToLong(l -> l[0]).sorted().toArray();
                    byConsumer = latencies.stream().mapToLong(l -> l[1]).sorted().toArray();
                }
                System.out.printf("[latency] run: %d events in %.1f s = %,.0f events/s (target %,d), %d of them "
                                + "regression events, over %d tenant(s); %d alerts%n", run.sent, run.seconds,
                        run.sent / run.seconds, rate, run.matching, TENANTS, byRecord.length);
                System.out.printf("[latency] event produced -> alert record timestamp: p50 %d ms, p95 %d ms, p99 %d ms,"
                                + " max %d ms%n", pct(byRecord, 50), pct(byRecord, 95), pct(byRecord, 99),
                        byRecord.length == 0 ? -1 : byRecord[byRecord.length - 1]);
                System.out.printf("[latency] event produced -> alert consumed:         p50 %d ms, p95 %d ms, p99 %d ms,"
                                + " max %d ms%n", pct(byConsumer, 50), pct(byConsumer, 95), pct(byConsumer, 99),
                        byConsumer.length == 0 ? -1 : byConsumer[byConsumer.length - 1]);
                System.out.printf("[latency] this JVM (detection service + producer + consumer) used %.1f s CPU over "
                                + "the run and drain (%.2f cores on average over the run); load average %.2f at start, %.2f "
                                + "at end (%d cores)%n", cpu, cpu / run.seconds, load0, load1,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("[latency] the service processed %,.0f events over the run and drain: %,.0f events "
                        + "per CPU-second of this JVM%n", events, events / cpu);
                StringBuilder split = new StringBuilder();
                threads1.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> split.append(String.format(" %s %.1f s;", e.getKey(),
                                (e.getValue() - threads0.getOrDefault(e.getKey(), 0L)) / 1e9)));
                System.out.printf("[latency] thread CPU over the run and drain (the rest: JIT, GC, threads that "
                        + "ended):%s%n", split);
                assertThat(byRecord.length).as("alerts").isPositive();
                assertThat(run.sent / run.seconds).as("achieved rate").isGreaterThanOrEqualTo(rate * 0.95);
                assertThat(pct(byRecord, 99)).as("p99 event-to-alert latency, ms").isLessThanOrEqualTo(1000);
            } finally {
                stop.set(true);
            }
        }
    }

    /** Waits until the detection consumer group has committed every event produced so far; returns the lag left. */
    private static long awaitCaughtUp(String bootstrap, Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long lag;
            boolean none;
            do {
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("soc-detect").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                for (TopicPartition tp : committed.keySet()) {
                    if (tp.topic().equals(Topics.EVENTS)) {
                        latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest());
                    }
                }
                lag = 0;
                for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                    org.apache.kafka.clients.consumer.OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue().offset() - (at == null ? 0 : at.offset());
                }
                none = latest.isEmpty();
                if (lag > 0 || none) {
                    Thread.sleep(500);
                }
            } while ((lag > 0 || none) && System.nanoTime() < deadline);
            return lag;
        }
    }

    private static final Map<Map<String, Object>, Template> templates = new java.util.IdentityHashMap<>();

    /** A template event serialised once without its per-event fields; keyPart: its events-topic key's host part. */
    private static final class Template {
        final String rest;
        final String keyPart;

        Template(Map<String, Object> fields, boolean hostPerEvent) {
            Map<String, Object> rest = new LinkedHashMap<>(fields);
            rest.remove(SocEvent.EVENT_ID);
            rest.remove(SocEvent.TENANT_ID);
            rest.remove(SocEvent.TIMESTAMP);
            String key = EventKeys.of(SocEvent.of(fields));
            this.keyPart = key.substring(key.indexOf('/') + 1);
            if (hostPerEvent) {
                rest.remove("host.name");
            }
            this.rest = EventJson.write(rest).substring(1);
        }
    }

    private record Pace(long sent, long matching, double seconds) {
    }

    /** Produces at {@code rate} events/s for {@code seconds}, every 1/matching-th event a regression event. */
    private static Pace pace(KafkaProducer<String, String> producer, String prefix, int rate, int seconds,
                             double matching, List<Map<String, Object>> matchingEvents, Map<String, Object> benign,
                             Map<String, Long> produced) throws InterruptedException {
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        long sent = 0;
        long matched = 0;
        double acc = 0;
        while (sent < total) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate) + 1);
            while (sent < due) {
                acc += matching;
                Map<String, Object> template;
                if (acc >= 1) {
                    acc -= 1;
                    template = matchingEvents.get((int) (matched++ % matchingEvents.size()));
                } else {
                    template = benign;
                }
                String id = prefix + "-" + sent;
                String tenant = TENANTS == 1 ? TENANT : TENANT + "-" + (sent % TENANTS);
                long now = System.currentTimeMillis();
                produced.put(id, now);
                // the template's JSON with this event's id, tenant, time (and, benign, one of the tenant's 200
                // workstations as host) in front: the producer shares this JVM's CPU with the service, so it
                // does not build and serialise a map per event
                String host = template == benign ? "ws" + (sent % 200) + ".contoso.local" : null;
                Template t = templates.computeIfAbsent(template, k -> new Template(k, k == benign));
                StringBuilder json = new StringBuilder(t.rest.length() + 160).append("{\"").append(SocEvent.EVENT_ID)
                        .append("\":\"").append(id).append("\",\"").append(SocEvent.TENANT_ID).append("\":\"")
                        .append(tenant).append("\",\"").append(SocEvent.TIMESTAMP).append("\":\"")
                        .append(Instant.ofEpochMilli(now)).append('"');
                if (host != null) {
                    json.append(",\"host.name\":\"").append(host).append('"');
                }
                json.append(t.rest.equals("}") ? "}" : "," + t.rest);
                // keyed by tenant and host, as soc-ingest's normaliser does (EventKeys)
                producer.send(new ProducerRecord<>(Topics.EVENTS, null, now,
                        RawKeys.of(tenant, host != null ? host : t.keyPart), json.toString()));
                sent++;
            }
            Thread.sleep(1);
        }
        producer.flush();
        return new Pace(sent, matched, (System.nanoTime() - start) / 1e9);
    }

    private static void consumeAlerts(String bootstrap, Map<String, Long> produced, List<long[]> latencies,
                                      AtomicLong warmupAlerts, AtomicBoolean stop) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : c.partitionsFor(Topics.ALERTS)) {
                parts.add(new TopicPartition(info.topic(), info.partition()));
            }
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    long consumed = System.currentTimeMillis();
                    Alert alert = EventJson.read(r.value(), Alert.class);
                    if (!alert.tenantId().startsWith(TENANT) || alert.eventIds().isEmpty()) {
                        continue;
                    }
                    // correlation alerts name many events: the last one is the one that completed the pattern
                    String eventId = alert.eventIds().get(alert.eventIds().size() - 1);
                    Long sent = produced.get(eventId);
                    if (sent == null) {
                        continue;
                    }
                    if (eventId.startsWith("warm-")) {
                        warmupAlerts.incrementAndGet();
                        continue;
                    }
                    latencies.add(new long[] {r.timestamp() - sent, consumed - sent});
                }
            }
        }
    }

    /** A Sysmon process creation of an in-house agent, in the fields the platform's Windows normalisation gives. */
    static Map<String, Object> benignEvent() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(SocEvent.EVENT_ID, "benign");
        f.put(SocEvent.TENANT_ID, TENANT);
        f.put(SocEvent.TIMESTAMP, "2026-12-01T00:00:00Z");
        f.put(SocEvent.DATASET, "windows.eventlog");
        f.put("winlog.channel", "Microsoft-Windows-Sysmon/Operational");
        f.put("winlog.provider_name", "Microsoft-Windows-Sysmon");
        f.put("winlog.event_id", "1");
        f.put("event.code", "1");
        f.put("host.name", "ws042.contoso.local");
        f.put("winlog.computer_name", "ws042.contoso.local");
        f.put("winlog.event_data.Image", "C:\\Program Files\\Contoso\\Agent\\contoso-agent.exe");
        f.put("winlog.event_data.OriginalFileName", "contoso-agent.exe");
        f.put("winlog.event_data.Product", "Contoso Agent");
        f.put("winlog.event_data.Company", "Contoso Ltd");
        f.put("winlog.event_data.Description", "Contoso inventory agent");
        f.put("winlog.event_data.CommandLine", "\"C:\\Program Files\\Contoso\\Agent\\contoso-agent.exe\" --inventory "
                + "--interval 300");
        f.put("winlog.event_data.CurrentDirectory", "C:\\Program Files\\Contoso\\Agent\\");
        f.put("winlog.event_data.User", "CONTOSO\\svc-inventory");
        f.put("winlog.event_data.IntegrityLevel", "Medium");
        f.put("winlog.event_data.ParentImage", "C:\\Program Files\\Contoso\\Agent\\contoso-service.exe");
        f.put("winlog.event_data.ParentCommandLine", "\"C:\\Program Files\\Contoso\\Agent\\contoso-service.exe\"");
        f.put("winlog.event_data.Hashes", "SHA256=" + "AB".repeat(32));
        f.put("process.executable", "C:\\Program Files\\Contoso\\Agent\\contoso-agent.exe");
        f.put("process.command_line", f.get("winlog.event_data.CommandLine"));
        f.put("process.parent.executable", "C:\\Program Files\\Contoso\\Agent\\contoso-service.exe");
        f.put("user.name", "svc-inventory");
        return f;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // as soc-ingest's normaliser produces events (soc-ingest.yml)
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** CPU time of this JVM's live threads, summed by name with the digits taken out. */
    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new HashMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                String name = info.getThreadName().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*").replaceAll("\\d+", "N");
                out.merge(name, cpu, Long::sum);
            }
        }
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
