package soc.web.simulator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import soc.web.onboarding.CollectorTopicProvisioning;

/**
 * Delivers simulated events on the real ingest paths: the HTTP ingest API with each source's token (NDJSON or
 * text lines, one request per tenant and source), the tenant's Kafka collector topic with the source's id in the
 * {@code soc-source} header (as Vector or Winlogbeat would), and UDP syslog to the ingest's syslog receiver from the
 * firewall's own registered loopback address (127.77.n.1). Where that address cannot be used (not registered, or
 * the operating system does not route 127/8 to loopback), the syslog message carries the source's token in RFC 5424
 * structured data instead.
 */
@Component
class Sender implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final String SD_ID = "soc@32473";
    /** The header naming the registered source of a record on a collector topic (see soc-ingest's CollectorTopics). */
    private static final String SOURCE_HEADER = "soc-source";

    private final SimulatorProperties settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, DatagramSocket> sockets = new ConcurrentHashMap<>();
    private final java.util.Set<String> unusable = ConcurrentHashMap.newKeySet();
    private volatile long failures;
    private volatile String ingestUrl;

    private final KafkaTemplate<String, String> kafka;

    Sender(SimulatorProperties settings, KafkaTemplate<String, String> kafka) {
        this.settings = settings;
        this.kafka = kafka;
        this.ingestUrl = settings.ingestUrl();
    }

    /** Sends to another ingest service from now on (tests start it on a free port after this application). */
    void ingestUrl(String url) {
        this.ingestUrl = url;
    }

    /**
     * Sends events; returns when the HTTP requests are answered (202 expected). Events of tenants without feeds are
     * skipped.
     *
     * @return number of events the ingest service accepted (syslog datagrams count as accepted when sent)
     */
    int send(List<SimEvent> events, Map<String, EstateRegistrar.Feeds> feeds) {
        Map<String, List<SimEvent>> batches = new LinkedHashMap<>();
        int sent = 0;
        for (SimEvent event : events) {
            EstateRegistrar.Feeds feed = feeds.get(event.tenantId());
            if (feed != null && event.source().transport() == SimSource.Transport.KAFKA) {
                sent += kafka(event, feed) ? 1 : 0;
                continue;
            }
            if (feed == null || !feed.tokens().containsKey(event.source())) {
                continue;
            }
            if (event.source().transport() == SimSource.Transport.SYSLOG && settings.syslogPort() > 0) {
                sent += syslog(event, feed) ? 1 : 0;
            } else {
                batches.computeIfAbsent(event.tenantId() + "\u0000" + event.source().name(), k -> new ArrayList<>()).add(event);
            }
        }
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (List<SimEvent> batch : batches.values()) {
            SimEvent first = batch.get(0);
            String token = feeds.get(first.tenantId()).tokens().get(first.source());
            boolean json = first.source().transport() == SimSource.Transport.HTTP_JSON;
            StringBuilder body = new StringBuilder();
            batch.forEach(e -> body.append(e.payload()).append('\n'));
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/ingest"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", json ? "application/x-ndjson" : "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                if (error != null || response.statusCode() != 202) {
                    failures++;
                    log.debug("Simulated events refused: {}", error != null ? error.toString()
                            : response.statusCode() + " " + response.body());
                    return 0;
                }
                return batch.size();
            }));
        }
        for (CompletableFuture<Integer> answer : answers) {
            sent += answer.join();
        }
        return sent;
    }

    /** Whether the ingest service answers ready (its readiness probe). */
    boolean ingestReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    long failures() {
        return failures;
    }

    /** Produces the event to the tenant's collector topic as the tenant's own collector (e.g. Vector) would. */
    private boolean kafka(SimEvent event, EstateRegistrar.Feeds feed) {
        String sourceId = feed.sourceIds().get(event.source());
        if (sourceId == null) {
            return false;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(
                CollectorTopicProvisioning.topicOf(event.tenantId()), sourceId, event.payload());
        record.headers().add(SOURCE_HEADER, sourceId.getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            failures++;
            log.debug("Simulated event not produced to Kafka: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean syslog(SimEvent event, EstateRegistrar.Feeds feed) {
        String payload = event.payload();
        DatagramSocket socket = feed.syslogSender() == null ? null : socketFor(feed.syslogSender());
        if (socket == null) {
            socket = socketFor("");
            payload = withToken(payload, feed.tokens().get(event.source()));
        }
        if (socket == null) {
            return false;
        }
        try {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(settings.syslogHost()),
                    settings.syslogPort()));
            return true;
        } catch (IOException e) {
            failures++;
            return false;
        }
    }

    /** Puts the token into the RFC 5424 structured data of a message that has none ({@code -}). */
    static String withToken(String message, String token) {
        // <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG: the SD is the 7th space-separated field
        int at = -1;
        for (int i = 0; i < 6; i++) {
            at = message.indexOf(' ', at + 1);
            if (at < 0) {
                return message;
            }
        }
        if (message.startsWith("- ", at + 1)) {
            return message.substring(0, at + 1) + "[" + SD_ID + " token=\"" + token + "\"]" + message.substring(at + 2);
        }
        return message;
    }

    private DatagramSocket socketFor(String address) {
        String key = address.isEmpty() ? "any" : address;
        if (unusable.contains(key)) {
            return null;
        }
        return sockets.computeIfAbsent(key, k -> {
            try {
                return address.isEmpty() ? new DatagramSocket() : new DatagramSocket(new InetSocketAddress(address, 0));
            } catch (IOException e) {
                unusable.add(k);
                log.info("Cannot send syslog from {} ({}); the firewall's syslog carries its token instead", address,
                        e.getMessage());
                return null;
            }
        });
    }

    @Override
    public void destroy() {
        sockets.values().forEach(s -> {
            if (s != null) {
                s.close();
            }
        });
    }
}
