package soc.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.events.EventJson;
import soc.events.IndexNames;
import soc.events.Topics;
import soc.infra.LocalInfra;
import soc.infra.TestInfra;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceAddresses;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;

/**
 * The ingest service's syslog receivers on real PostgreSQL, Kafka and OpenSearch: lines sent over UDP, TCP (both
 * RFC 6587 framings) and TLS from a registered address (127.0.0.1/32) end up normalised in the tenant's index;
 * other senders and broken frames end up on the dead-letter topic with their reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=soc-ingest", "spring.flyway.enabled=true",
                "spring.flyway.locations=classpath:db/migration", "soc.ingest.max-line-bytes=16384",
                "soc.ingest.retention.enabled=false"})
class SyslogReceiversIntegrationTest {
    private static final LocalInfra INFRA = TestInfra.all();
    private static final int UDP_PORT = freeUdpPort();
    private static final int TCP_PORT = freeTcpPort();
    private static final int TLS_PORT = freeTcpPort();
    private static final String KEYSTORE_PASSWORD = "changeit-" + UUID.randomUUID().toString().substring(0, 8);
    /** The registered sender is 127.0.0.1; 127.0.0.2 is loopback too but registered for nobody. */
    private static final String STRANGER = "127.0.0.2";

    private static String tenant;
    private static String token;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        INFRA.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.flyway.placeholders.appRole", INFRA::appUser);
        registry.add("soc.ingest.syslog.udp-port", () -> UDP_PORT);
        registry.add("soc.ingest.syslog.tcp-port", () -> TCP_PORT);
        registry.add("soc.ingest.syslog.tls-port", () -> TLS_PORT);
        registry.add("soc.ingest.syslog.tls.keystore", () -> keystore().toString());
        registry.add("soc.ingest.syslog.tls.keystore-password", () -> KEYSTORE_PASSWORD);
    }

    @Autowired
    TenantService tenants;
    @Autowired
    SourceService sources;
    @Autowired
    SourceAddresses addresses;
    @Autowired
    IngestTokens tokens;

    @BeforeEach
    void tenantWithRegisteredAddress() {
        if (tenant != null) {
            return;
        }
        String id = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        token = TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            tenants.register("test", id, id, TenantKind.OTHER, null);
            Source source = sources.register("test", id, "plant-syslog", SourceType.LINUX_SYSLOG, "auto",
                    IngestMethod.SYSLOG);
            addresses.register("test", source.getId(), "127.0.0.1/32");
            return tokens.issue("test", source.getId()).token();
        });
        tenant = id;
    }

    @Test
    void udpDatagramsInBothSyslogFormatsAreNormalised() throws Exception {
        String m5424 = marker();
        String m3164 = marker();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            udp(socket, "<34>1 2026-11-23T10:00:00Z udp-host sshd 77 - - failed password " + m5424 + "\n");
            udp(socket, "<13>Nov 23 10:00:01 udp-old cron[12]: job ran " + m3164);
        }
        Map<String, Object> event = awaitEvent(m5424);
        assertThat(event).containsEntry("host.hostname", "udp-host").containsEntry("process.name", "sshd")
                .containsEntry("message", "failed password " + m5424).containsEntry("log.syslog.severity.name", "critical");
        assertThat(awaitEvent(m3164)).containsEntry("host.hostname", "udp-old").containsEntry("process.name", "cron")
                .containsEntry("message", "job ran " + m3164);
    }

    @Test
    void tcpOctetCountingAndNonTransparentFramingAreNormalised() throws Exception {
        String octet5424 = marker();
        String octet3164 = marker();
        String a = "<34>1 2026-11-23T10:00:02Z tcp-octet sshd 78 - - accepted publickey " + octet5424;
        String b = "<13>Nov 23 10:00:03 tcp-octet-old kernel: link up " + octet3164;
        tcp("127.0.0.1", octet(a) + octet(b));

        String lf5424 = marker();
        String lf3164 = marker();
        tcp("127.0.0.1", "<34>1 2026-11-23T10:00:04Z tcp-lf sshd 79 - - session opened " + lf5424 + "\r\n"
                + "<13>Nov 23 10:00:05 tcp-lf-old su: session closed " + lf3164 + "\n");

        assertThat(awaitEvent(octet5424)).containsEntry("host.hostname", "tcp-octet")
                .containsEntry("message", "accepted publickey " + octet5424);
        assertThat(awaitEvent(octet3164)).containsEntry("host.hostname", "tcp-octet-old")
                .containsEntry("message", "link up " + octet3164);
        assertThat(awaitEvent(lf5424)).containsEntry("host.hostname", "tcp-lf")
                .containsEntry("message", "session opened " + lf5424);
        assertThat(awaitEvent(lf3164)).containsEntry("host.hostname", "tcp-lf-old")
                .containsEntry("message", "session closed " + lf3164);
    }

    @Test
    void tlsLinesAreNormalised() throws Exception {
        String m5424 = marker();
        String m3164 = marker();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new TrustEverything()}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", TLS_PORT)) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(octet("<86>1 2026-11-23T10:00:06Z tls-host sudo 80 - - root command " + m5424)
                    .getBytes(StandardCharsets.UTF_8));
            out.write(octet("<13>Nov 23 10:00:07 tls-old sshd[9]: disconnect " + m3164).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        assertThat(awaitEvent(m5424)).containsEntry("host.hostname", "tls-host").containsEntry("process.name", "sudo")
                .containsEntry("message", "root command " + m5424);
        assertThat(awaitEvent(m3164)).containsEntry("host.hostname", "tls-old")
                .containsEntry("message", "disconnect " + m3164);
    }

    @Test
    void anUnregisteredSenderIsDeadLetteredUnlessItPresentsAToken() throws Exception {
        String stranger = marker();
        String withToken = marker();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(STRANGER, 0))) {
            udp(socket, "<13>1 2026-11-23T10:00:08Z rogue app - - who am i " + stranger);
        }
        tcp(STRANGER, "<13>1 2026-11-23T10:00:09Z relay app - - [soc@32473 token=\"" + token + "\"] relayed "
                + withToken + "\n");

        ConsumerRecord<String, String> letter = awaitDeadLetter(stranger);
        assertThat(letter.key()).isEqualTo("unattributed");
        Map<String, Object> value = EventJson.readObject(letter.value());
        assertThat(value).containsEntry("stage", "syslog")
                .containsEntry("reason", "no source registered for address " + STRANGER);
        assertThat((String) value.get("original")).contains(stranger);

        Map<String, Object> event = awaitEvent(withToken);
        assertThat(event).containsEntry("host.hostname", "relay").containsEntry("message", "relayed " + withToken);
        assertThat(EventJson.write(event)).doesNotContain(token);
    }

    @Test
    void oversizedAndMiscountedFramesAreRefusedWithAReasonAndTheConnectionCarriesOn() throws Exception {
        String oversized = marker();
        String after = marker();
        String big = "<13>1 2026-11-23T10:00:10Z big app - - " + oversized + " " + "x".repeat(20_000);
        tcp("127.0.0.1", octet(big) + octet("<13>1 2026-11-23T10:00:11Z after app - - still here " + after));

        String miscounted = marker();
        String truncated = "<13>1 2026-11-23T10:00:12Z short app - - " + miscounted;
        tcp("127.0.0.1", (truncated.length() + 50) + " " + truncated);

        ConsumerRecord<String, String> tooBig = awaitDeadLetter(oversized);
        assertThat(tooBig.key()).isEqualTo(tenant);
        assertThat(EventJson.readObject(tooBig.value())).containsEntry("stage", "syslog")
                .containsEntry("reason", "frame of " + big.length() + " bytes exceeds the limit of 16384 bytes");
        assertThat(awaitEvent(after)).containsEntry("host.hostname", "after");

        ConsumerRecord<String, String> wrongLength = awaitDeadLetter(miscounted);
        assertThat(wrongLength.key()).isEqualTo(tenant);
        assertThat((String) EventJson.readObject(wrongLength.value()).get("reason"))
                .isEqualTo("connection closed after " + truncated.length() + " of the " + (truncated.length() + 50)
                        + " octets the frame announced (wrong octet count?)");
    }

    // --- helpers ---

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String octet(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }

    private static void udp(DatagramSocket socket, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("127.0.0.1"), UDP_PORT));
    }

    private static void tcp(String from, String stream) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", TCP_PORT), 5000);
            socket.getOutputStream().write(stream.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
    }

    /** The one event of this tenant whose message contains the marker, as stored (flat ECS keys). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitEvent(String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(INFRA.openSearchUrl() + "/" + IndexNames.eventsPattern(tenant)
                            + "/_search?ignore_unavailable=true&allow_no_indices=true&q="
                            + URLEncoder.encode("message:" + marker, StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> hits = (Map<String, Object>) EventJson.readObject(response.body()).get("hits");
            List<Map<String, Object>> found = hits == null ? List.of() : (List<Map<String, Object>>) hits.get("hits");
            if (found != null && !found.isEmpty()) {
                assertThat(found).hasSize(1);
                return (Map<String, Object>) found.get(0).get("_source");
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no event with " + marker + " in " + IndexNames.eventsPattern(tenant));
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String marker) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "syslog-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(marker)) {
                        return record;
                    }
                    seen.add(record.value());
                }
            }
            throw new AssertionError("no dead letter with " + marker + "; seen " + seen);
        }
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed server certificate made with the JDK's keytool, under target/. */
    private static synchronized Path keystore() {
        Path file = Path.of("target", "syslog-tls", "server-" + KEYSTORE_PASSWORD + ".p12").toAbsolutePath();
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "syslog", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test's client trusts the self-signed test certificate (and anything else). */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
