package soc.ingest.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import soc.ingest.IngestProperties;

/**
 * Starts and stops the syslog receivers configured by {@link SyslogProperties}. A port that cannot be bound
 * fails the start-up rather than leaving a source silently unheard.
 */
@Component
class SyslogReceivers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SyslogReceivers.class);
    private static final int BACKLOG = 128;

    private final SyslogProperties properties;
    private final IngestProperties ingest;
    private final SyslogIntake intake;
    private final MeterRegistry meters;
    private final List<AutoCloseable> running = new ArrayList<>();
    private volatile UdpReceiver udp;
    private volatile StreamReceiver tcp;
    private volatile StreamReceiver tls;

    SyslogReceivers(SyslogProperties properties, IngestProperties ingest, SyslogIntake intake, MeterRegistry meters) {
        this.properties = properties;
        this.ingest = ingest;
        this.intake = intake;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            log.info("Syslog receivers switched off (soc.ingest.syslog.enabled=false)");
            return;
        }
        Semaphore inFlight = new Semaphore(Math.max(1, properties.maxInFlight()));
        try {
            InetAddress bind = bindAddress();
            if (properties.udpPort() > 0) {
                DatagramSocket socket = new DatagramSocket(null);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(bind, properties.udpPort()));
                udp = new UdpReceiver(socket, intake, inFlight, properties.udpQueue(), meters);
                running.add(udp);
                udp.start();
            }
            if (properties.tcpPort() > 0) {
                ServerSocket server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(bind, properties.tcpPort()), BACKLOG);
                tcp = stream(SyslogTransport.TCP, server, inFlight);
            }
            if (properties.tlsPort() > 0) {
                if (properties.tls() == null || !properties.tls().configured()) {
                    log.info("Syslog TLS receiver off: no keystore configured (soc.ingest.syslog.tls.keystore)");
                } else {
                    SSLServerSocket server = (SSLServerSocket) sslContext(properties.tls())
                            .getServerSocketFactory().createServerSocket();
                    server.setEnabledProtocols(Arrays.stream(server.getSupportedProtocols())
                            .filter(p -> p.equals("TLSv1.2") || p.equals("TLSv1.3")).toArray(String[]::new));
                    server.setReuseAddress(true);
                    server.bind(new InetSocketAddress(bind, properties.tlsPort()), BACKLOG);
                    tls = stream(SyslogTransport.TLS, server, inFlight);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            stop();
            throw new IllegalStateException("Could not start the syslog receivers: " + e.getMessage(), e);
        }
    }

    private StreamReceiver stream(SyslogTransport transport, ServerSocket server, Semaphore inFlight) {
        StreamReceiver receiver = new StreamReceiver(transport, server, intake, ingest.maxLineBytes(), inFlight,
                Math.max(1, properties.maxConnections()), meters);
        running.add(receiver);
        receiver.start();
        return receiver;
    }

    private InetAddress bindAddress() throws IOException {
        String address = properties.bindAddress();
        return address == null || address.isBlank() ? null : InetAddress.getByName(address);
    }

    static SSLContext sslContext(SyslogProperties.Tls tls) throws IOException, GeneralSecurityException {
        char[] password = tls.keystorePassword() == null ? new char[0] : tls.keystorePassword().toCharArray();
        KeyStore keyStore = KeyStore.getInstance(tls.keystoreType() == null ? "PKCS12" : tls.keystoreType());
        try (InputStream in = Files.newInputStream(Path.of(tls.keystore()))) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    @Override
    public synchronized void stop() {
        for (AutoCloseable receiver : running) {
            try {
                receiver.close();
            } catch (Exception e) {
                log.warn("Stopping a syslog receiver failed: {}", e.toString());
            }
        }
        running.clear();
        udp = null;
        tcp = null;
        tls = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    /** Bound ports (0 when off), for logs and tests. */
    int udpPort() {
        UdpReceiver receiver = udp;
        return receiver == null ? 0 : receiver.port();
    }

    int tcpPort() {
        StreamReceiver receiver = tcp;
        return receiver == null ? 0 : receiver.port();
    }

    int tlsPort() {
        StreamReceiver receiver = tls;
        return receiver == null ? 0 : receiver.port();
    }
}
