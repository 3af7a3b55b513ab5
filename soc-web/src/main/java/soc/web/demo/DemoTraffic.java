package soc.web.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import soc.tenants.sources.SourceType;
import soc.web.SocWebProperties;

/**
 * A small, steady stream of demo telemetry through the real ingest API: firewall syslog, Windows logons and
 * process starts, OT Modbus traffic, and now and then an attack the detection service turns into an alert: a
 * credential-dumping command on a council PC, or a Modbus write to a PLC from a host that is no engineering
 * workstation. The full simulator with scenarios and ground truth is {@code ./soc simulate}.
 */
@Component
class DemoTraffic implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final int ATTACK_EVERY_TICKS = 45;

    record Feed(String tenantId, SourceType type, String token) {
    }

    private final SocWebProperties.Demo settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random(42);
    private ScheduledExecutorService scheduler;
    private long ticks;

    DemoTraffic(SocWebProperties properties) {
        this.settings = properties.demo();
    }

    synchronized void start(List<Feed> feeds) {
        if (scheduler != null || feeds.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-traffic"));
        scheduler.scheduleWithFixedDelay(() -> tick(feeds), 5, 1, TimeUnit.SECONDS);
        log.info("Demo traffic: {} events/s to {} over {} sources", settings.eventsPerSecond(), settings.ingestUrl(),
                feeds.size());
    }

    private void tick(List<Feed> feeds) {
        try {
            ticks++;
            for (int i = 0; i < settings.eventsPerSecond(); i++) {
                Feed feed = feeds.get(random.nextInt(feeds.size()));
                post(feed, List.of(line(feed, false)));
            }
            if (ticks % ATTACK_EVERY_TICKS == 3) {
                // alternate IT and OT attacks: credential dumping on a council PC, a Modbus write to a PLC
                SourceType kind = (ticks / ATTACK_EVERY_TICKS) % 2 == 0 ? SourceType.WINDOWS_AD : SourceType.OT_NETWORK_SENSOR;
                List<Feed> targets = feeds.stream().filter(f -> f.type() == kind).toList();
                if (!targets.isEmpty()) {
                    Feed target = targets.get(random.nextInt(targets.size()));
                    post(target, List.of(line(target, true)));
                }
            }
        } catch (RuntimeException e) {
            log.debug("Demo traffic tick failed: {}", e.toString());
        }
    }

    private String line(Feed feed, boolean attack) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int host = 1 + random.nextInt(40);
        return switch (feed.type()) {
            case FIREWALL -> "<134>1 %s fw01.%s.example - - - - action=%s src=10.%d.%d.%d dst=203.0.113.%d proto=tcp dport=%d"
                    .formatted(now, feed.tenantId(), random.nextInt(10) == 0 ? "deny" : "allow", random.nextInt(4),
                            random.nextInt(255), host, random.nextInt(255), List.of(443, 80, 22, 3389).get(random.nextInt(4)));
            case OT_NETWORK_SENSOR -> attack
                    // a write from an office-range host that is not an engineering workstation
                    ? ("{\"@timestamp\":\"%s\",\"event\":{\"dataset\":\"zeek.modbus\"},\"source\":{\"ip\":\"10.20.1.77\"},"
                    + "\"destination\":{\"ip\":\"10.20.2.10\",\"port\":502},\"ot\":{\"protocol\":\"modbus\","
                    + "\"function_code\":6,\"function_name\":\"WRITE_SINGLE_REGISTER\",\"unit_id\":1,\"address\":40001,"
                    + "\"value\":9999}}").formatted(now)
                    : ("{\"@timestamp\":\"%s\",\"event\":{\"dataset\":\"zeek.modbus\"},\"source\":{\"ip\":\"10.20.1.50\"},"
                    + "\"destination\":{\"ip\":\"10.20.2.10\",\"port\":502},\"ot\":{\"protocol\":\"modbus\","
                    + "\"function_code\":3,\"function_name\":\"READ_HOLDING_REGISTERS\",\"unit_id\":1}}").formatted(now);
            default -> attack
                    ? ("{\"@timestamp\":\"%s\",\"host\":{\"name\":\"ws%02d.%s.example\"},\"user\":{\"name\":\"j.jones\"},"
                    + "\"event\":{\"code\":\"4688\",\"action\":\"process-created\"},\"process\":{\"executable\":"
                    + "\"C:\\\\Users\\\\Public\\\\mimikatz.exe\",\"command_line\":\"mimikatz.exe \\\"privilege::debug\\\" "
                    + "\\\"sekurlsa::logonpasswords\\\" exit\"}}").formatted(now, host, feed.tenantId())
                    : ("{\"@timestamp\":\"%s\",\"host\":{\"name\":\"dc01.%s.example\"},\"user\":{\"name\":\"user%02d\"},"
                    + "\"event\":{\"code\":\"%s\",\"outcome\":\"%s\"},\"source\":{\"ip\":\"10.1.0.%d\"}}")
                    .formatted(now, feed.tenantId(), host, random.nextInt(8) == 0 ? "4625" : "4624",
                            random.nextInt(8) == 0 ? "failure" : "success", host);
        };
    }

    private void post(Feed feed, List<String> lines) {
        boolean json = feed.type() != SourceType.FIREWALL;
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.ingestUrl() + "/api/v1/ingest"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + feed.token())
                .header("Content-Type", json ? "application/x-ndjson" : "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", new ArrayList<>(lines))))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
