package soc.ingest.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * TCP or TLS syslog: one thread per connection (at most {@code maxConnections}), blocking reads through a
 * {@link SyslogFrameDecoder}. Each message takes a permit of the shared in-flight window until Kafka acknowledged
 * it; when none is left the connection is simply not read, so TCP flow control slows the sender down instead of
 * this service buffering without bound. If Kafka fails to take a message, the connection is closed so that the
 * sender notices (syslog over TCP has no application-level acknowledgement).
 */
final class StreamReceiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamReceiver.class);
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private final SyslogTransport transport;
    private final ServerSocket server;
    private final SyslogIntake intake;
    private final int maxFrameBytes;
    private final Semaphore inFlight;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final Counter refusedConnections;
    private final Counter failures;
    private final Thread acceptor;
    private volatile boolean closed;

    StreamReceiver(SyslogTransport transport, ServerSocket server, SyslogIntake intake, int maxFrameBytes,
                   Semaphore inFlight, int maxConnections, MeterRegistry meters) {
        this.transport = transport;
        this.server = server;
        this.intake = intake;
        this.maxFrameBytes = maxFrameBytes;
        this.inFlight = inFlight;
        AtomicInteger threads = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, transport.tag + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (task, pool) -> {
                    throw new java.util.concurrent.RejectedExecutionException("connection limit");
                });
        this.refusedConnections = meters.counter("soc.ingest.syslog.connections.refused", "transport", transport.tag);
        this.failures = meters.counter("soc.ingest.syslog.failed", "transport", transport.tag);
        meters.gauge("soc.ingest.syslog.connections", io.micrometer.core.instrument.Tags.of("transport", transport.tag), active);
        this.acceptor = new Thread(this::acceptLoop, transport.tag + "-accept");
        this.acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
        log.info("Syslog {} receiver listening on {}", transport.tag, server.getLocalSocketAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("Syslog {} accept failed: {}", transport.tag, e.toString());
                    pause();
                }
                continue;
            }
            try {
                connections.execute(() -> serve(socket));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                refusedConnections.increment();
                log.warn("Syslog {}: connection from {} refused, {} connections already open", transport.tag,
                        socket.getInetAddress().getHostAddress(), active.get());
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        open.add(socket);
        active.incrementAndGet();
        InetAddress sender = socket.getInetAddress();
        Connection connection = new Connection(socket, sender);
        try (socket) {
            if (closed) {
                return;
            }
            socket.setKeepAlive(true);
            if (socket instanceof SSLSocket tls) {
                tls.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                tls.startHandshake();
                tls.setSoTimeout(0);
            }
            SyslogFrameDecoder decoder = new SyslogFrameDecoder(maxFrameBytes, connection);
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[16 * 1024];
            int n;
            while (!connection.failed && (n = in.read(chunk)) >= 0) {
                connection.receivedAt = Instant.now();
                decoder.feed(chunk, 0, n);
            }
            if (!connection.failed) {
                decoder.end();
            }
        } catch (SocketException e) {
            log.debug("Syslog {} connection from {} ended: {}", transport.tag, sender.getHostAddress(), e.toString());
        } catch (IOException e) {
            log.info("Syslog {} connection from {} failed: {}", transport.tag, sender.getHostAddress(), e.toString());
        } catch (InterruptedRuntimeException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
            active.decrementAndGet();
        }
    }

    /** One connection's sink: messages to the intake, within the in-flight window. */
    private final class Connection implements SyslogFrameDecoder.Sink {
        private final Socket socket;
        private final InetAddress sender;
        private volatile boolean failed;
        private Instant receivedAt = Instant.now();

        Connection(Socket socket, InetAddress sender) {
            this.socket = socket;
            this.sender = sender;
        }

        @Override
        public void frame(byte[] bytes, int offset, int length) {
            track(() -> intake.message(transport, sender, receivedAt, bytes, offset, length));
        }

        @Override
        public void refused(String reason, byte[] preview, int offset, int length) {
            track(() -> intake.refused(sender, reason, preview, offset, length));
        }

        private void track(java.util.function.Supplier<CompletableFuture<?>> send) {
            if (failed) {
                return;
            }
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                throw new InterruptedRuntimeException();
            }
            CompletableFuture<?> future;
            try {
                future = send.get();
            } catch (RuntimeException e) {
                inFlight.release();
                fail(e);
                return;
            }
            future.whenComplete((result, error) -> {
                inFlight.release();
                if (error != null) {
                    fail(error);
                }
            });
        }

        private void fail(Throwable error) {
            failures.increment();
            if (!failed) {
                failed = true;
                log.warn("Syslog {}: could not hand a message from {} to Kafka, closing the connection: {}",
                        transport.tag, sender.getHostAddress(), error.toString());
                closeQuietly(socket); // wakes the reader up; the sender sees the connection drop
            }
        }
    }

    private static final class InterruptedRuntimeException extends RuntimeException {
        InterruptedRuntimeException() {
            super(null, null, false, false);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing on the way out
        }
    }
}
