package soc.ingest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import soc.events.EventJson;
import soc.events.RawEnvelope;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;

/**
 * End-to-end ingest benchmark against a running platform (started by {@code bench/e2e.sh}): events/s from the ingest
 * HTTP API until they are searchable in OpenSearch, and Kafka's raw producer throughput on the same broker as the
 * ceiling. Loopback only; every loop is bounded by a count and a deadline.
 *
 * <ol>
 *   <li>Registers a fresh tenant, source (format {@code auto}) and ingest token directly in PostgreSQL as the schema
 *       owner (soc.tenant_scope '*'), storing the token's SHA-256 like {@code soc.tenants.sources.IngestTokens}.</li>
 *   <li>Warm-up: posts {@code --warmup} events and waits until they are searchable.</li>
 *   <li>Measured: {@code --senders} threads post {@code --events} corpus lines (all formats, in corpus order,
 *       {@code text/plain}, {@code --batch} lines per request), then polls {@code _count} on
 *       {@code soc-events.<tenant>.*} every 200 ms until every accepted event is searchable.</li>
 *   <li>Ceiling: one Kafka producer with the ingest edge's settings (acks=all, lz4, idempotence, linger 5 ms) sends
 *       {@code --events} records, the raw envelopes of the same lines, to a new 6-partition topic, then deletes it.</li>
 * </ol>
 */
public final class EndToEnd {
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String openSearchUrl;
    private final List<String> lines;

    private EndToEnd(Map<String, String> options) {
        this.options = options;
        this.ingestUrl = requireLoopback(option("ingest", "http://localhost:18081")) + "/api/v1/ingest";
        this.openSearchUrl = requireLoopback(option("opensearch", "http://localhost:19200"));
        this.lines = mixedCorpus();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new EndToEnd(options).run();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private long number(String name, long fallback) {
        return Long.parseLong(option(name, Long.toString(fallback)));
    }

    private void run() throws Exception {
        long events = number("events", 500_000);
        long warmup = number("warmup", Math.min(50_000, events / 10));
        int batch = (int) number("batch", 1000);
        int senders = (int) number("senders", 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(number("timeout-s", 1200));
        double avgChars = lines.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf("corpus mix: %d distinct lines (all formats, declared auto), avg %.0f chars%n",
                lines.size(), avgChars);

        String[] registered = register();
        String tenant = registered[0];
        String token = registered[1];
        String index = "soc-events." + tenant + ".*";
        System.out.printf("tenant %s, events %d (+%d warm-up), batch %d lines, %d senders%n",
                tenant, events, warmup, batch, senders);

        long warmAccepted = post(token, 0, warmup, batch, senders, deadline);
        long warmPosted = System.nanoTime();
        long warmDone = waitSearchable(index, warmAccepted, deadline, warmPosted, 0);
        System.out.printf("warm-up: %d accepted, %d searchable %.1f s after the last post%n", warmAccepted,
                count(index), Math.max(0, warmDone - warmPosted) / 1e9);

        long base = count(index);
        long started = System.nanoTime();
        long accepted = post(token, warmup, events, batch, senders, deadline);
        double postSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("posted: %d accepted in %.2f s = %.0f events/s at the API (durable in Kafka)%n",
                accepted, postSeconds, accepted / postSeconds);
        long done = waitSearchable(index, base + accepted, deadline, started, base);
        long searchable = count(index) - base;
        double e2eSeconds = (done - started) / 1e9;
        double e2eRate = searchable / e2eSeconds;
        System.out.printf("E2E: %d events searchable in %.2f s = %.0f events/s (API -> Kafka -> normaliser -> "
                + "OpenSearch, refreshed)%n", searchable, e2eSeconds, e2eRate);

        double kafkaRate = kafkaCeiling(tenant, events);
        System.out.printf("load generator CPU: %.1f s%n", ProcessHandle.current().info().totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0).orElse(-1.0));
        System.out.printf("RESULT e2e_events_per_s=%.0f api_events_per_s=%.0f kafka_records_per_s=%.0f "
                + "e2e_over_kafka=%.3f events=%d avg_line_chars=%.0f%n", e2eRate, accepted / postSeconds, kafkaRate,
                e2eRate / kafkaRate, accepted, avgChars);
    }

    /** Every accepted line of the corpus, all formats interleaved in blocks as the corpus lists them. */
    private static List<String> mixedCorpus() {
        Normaliser normaliser = new Normaliser();
        List<String> all = new ArrayList<>();
        for (String format : Corpus.FORMATS) {
            for (String line : Corpus.load(format).lines()) {
                String text = line.replace("\0", "");
                if (normaliser.normalise(Corpus.envelope(0, "auto", text)) instanceof Normalised.Accepted) {
                    all.add(text);
                }
            }
        }
        return all;
    }

    private String[] register() throws Exception {
        String jdbc = option("jdbc", "jdbc:postgresql://localhost:15432/soc");
        requireLoopback(jdbc.replaceFirst("^jdbc:postgresql:", "http:"));
        String tenant = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "soc_ing_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String sha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = DriverManager.getConnection(jdbc, option("db-user", "soc_owner"),
                option("db-password", "soc_owner_local"))) {
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                st.execute("select set_config('soc.tenant_scope', '*', true)");
            }
            try (PreparedStatement st = db.prepareStatement(
                    "insert into tenant (tenant_id, name, kind, status) values (?, ?, 'OTHER', 'LIVE')")) {
                st.setString(1, tenant);
                st.setString(2, "Benchmark " + tenant);
                st.executeUpdate();
            }
            UUID source;
            try (PreparedStatement st = db.prepareStatement("insert into source (tenant_id, name, type, format) "
                    + "values (?, 'benchmark corpus mix', 'OTHER', 'auto') returning source_id")) {
                st.setString(1, tenant);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    source = (UUID) rs.getObject(1);
                }
            }
            try (PreparedStatement st = db.prepareStatement("insert into ingest_token (tenant_id, source_id, "
                    + "token_sha256, token_prefix, created_by) values (?, ?, ?, ?, 'bench/e2e.sh')")) {
                st.setString(1, tenant);
                st.setObject(2, source);
                st.setString(3, sha256);
                st.setString(4, token.substring(0, 14));
                st.executeUpdate();
            }
            db.commit();
        }
        return new String[] {tenant, token};
    }

    /** Posts lines [first, first + count) of the endless corpus cycle; returns the accepted count. */
    private long post(String token, long first, long count, int batch, int senders, long deadline) throws Exception {
        long batches = (count + batch - 1) / batch;
        AtomicLong nextBatch = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                futures.add(pool.submit(() -> {
                    long b;
                    while ((b = nextBatch.getAndIncrement()) < batches) {
                        long from = first + b * batch;
                        long to = Math.min(first + count, from + batch);
                        StringBuilder body = new StringBuilder((int) (to - from) * 600);
                        for (long i = from; i < to; i++) {
                            body.append(lines.get((int) (i % lines.size()))).append('\n');
                        }
                        accepted.addAndGet(send(token, body.toString(), deadline));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return accepted.get();
    }

    /** One request; retries 503 (Kafka busy) with a pause, bounded by the deadline. */
    private long send(String token, String body, long deadline) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain; charset=utf-8")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                Matcher m = ACCEPTED.matcher(response.body());
                if (!m.find()) {
                    throw new IllegalStateException("202 without accepted count: " + response.body());
                }
                return Long.parseLong(m.group(1));
            }
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(500);
        }
    }

    /**
     * Polls _count until it reaches target, or until it has not grown for 20 s while at least 99% of the target
     * (documents OpenSearch refuses, e.g. a field mapped as a number in that day's index arriving as text, go to the
     * dead-letter topic and never become searchable). Prints progress every 5 s. Returns the nanoTime of the last
     * increase, i.e. when the last searchable event appeared.
     */
    private long waitSearchable(String index, long target, long deadline, long started, long base)
            throws Exception {
        long lastPrint = System.nanoTime();
        long last = -1;
        long lastIncrease = System.nanoTime();
        long count;
        while ((count = count(index)) < target) {
            long now = System.nanoTime();
            if (count > last) {
                last = count;
                lastIncrease = now;
            } else if (count >= base + (target - base) * 0.99 && now - lastIncrease > 20_000_000_000L) {
                System.out.printf("  stalled at %d of %d: %d events not searchable (refused by OpenSearch, see the "
                        + "dead-letter topic)%n", count - base, target - base, target - count);
                return lastIncrease;
            }
            if (now > deadline) {
                throw new IllegalStateException("only " + count + " of " + target + " searchable before the deadline");
            }
            if (now - lastPrint > 5_000_000_000L) {
                lastPrint = now;
                double s = (now - started) / 1e9;
                System.out.printf("  %.0f s: %d searchable (%.0f/s so far)%n", s, count - base, (count - base) / s);
            }
            Thread.sleep(200);
        }
        return System.nanoTime();
    }

    private long count(String index) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(openSearchUrl + "/" + index
                        + "/_count?ignore_unavailable=true&allow_no_indices=true"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // a daily index created a moment ago answers 503 until its shard is allocated: ask again (bounded)
        for (int retry = 0; response.statusCode() == 503 && retry < 150; retry++) {
            Thread.sleep(200);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        Matcher m = COUNT.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("OpenSearch _count answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    /** Kafka producer throughput with the ingest edge's settings, same records as the API run. */
    private double kafkaCeiling(String tenant, long records) throws Exception {
        String bootstrap = option("kafka", "localhost:19092");
        requireLoopback("http://" + bootstrap);
        String topic = "bench.ceiling." + tenant;
        List<byte[]> values = new ArrayList<>(lines.size());
        long bytes = 0;
        for (int i = 0; i < lines.size(); i++) {
            RawEnvelope raw = new RawEnvelope(UUID.randomUUID().toString(), tenant, UUID.randomUUID().toString(),
                    Corpus.RECEIVED_AT, "http", "auto", lines.get(i));
            byte[] value = EventJson.writeBytes(raw);
            values.add(value);
            bytes += value.length;
        }
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(60, TimeUnit.SECONDS);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            long sentBytes = 0;
            long started;
            long ended;
            AtomicReference<Exception> failure = new AtomicReference<>();
            String rawKey = soc.events.RawKeys.of(tenant, UUID.randomUUID().toString());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.partitionsFor(topic); // metadata before the clock starts
                started = System.nanoTime();
                for (long i = 0; i < records; i++) {
                    byte[] value = values.get((int) (i % values.size()));
                    sentBytes += value.length;
                    // keyed <tenant>/<source> exactly like the edge: the API run posts with one source's token,
                    // so all of it is one key, one partition
                    producer.send(new ProducerRecord<>(topic, rawKey, value), (md, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
                ended = System.nanoTime();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            double seconds = (ended - started) / 1e9;
            double rate = records / seconds;
            System.out.printf("Kafka ceiling: %d records (avg %d bytes raw envelope JSON, %.0f MB) acks=all lz4 in "
                    + "%.2f s = %.0f records/s, %.1f MB/s%n", records, bytes / values.size(), sentBytes / 1e6,
                    seconds, rate, sentBytes / 1e6 / seconds);
            client.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
            return rate;
        }
    }

    private static String requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host))) {
            throw new IllegalArgumentException("benchmarks run against loopback addresses only, not " + url);
        }
        return url.replaceAll("/+$", "");
    }
}
