package soc.ingest.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * UDP syslog (RFC 5426): one datagram is one message. UDP cannot be acknowledged nor slowed down: datagrams
 * queue (bounded) for a worker that hands them to Kafka within the in-flight window; when the queue is full a
 * datagram is dropped and counted in {@code soc.ingest.syslog.udp.dropped}. Datagrams the kernel drops before
 * this service reads them (socket buffer full) cannot be counted here (see {@code netstat -su}, receive buffer
 * errors). Use TCP or TLS where loss matters.
 */
final class UdpReceiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UdpReceiver.class);
    private static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private final DatagramSocket socket;
    private final SyslogIntake intake;
    private final Semaphore inFlight;
    private final BlockingQueue<Datagram> queue;
    private final Counter dropped;
    private final Counter failures;
    private final Thread receiver;
    private final Thread worker;
    private volatile boolean closed;

    private record Datagram(InetAddress sender, Instant receivedAt, byte[] bytes) {
    }

    UdpReceiver(DatagramSocket socket, SyslogIntake intake, Semaphore inFlight, int queueSize, MeterRegistry meters) {
        this.socket = socket;
        this.intake = intake;
        this.inFlight = inFlight;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueSize));
        this.dropped = meters.counter("soc.ingest.syslog.udp.dropped");
        this.failures = meters.counter("soc.ingest.syslog.failed", "transport", SyslogTransport.UDP.tag);
        meters.gauge("soc.ingest.syslog.udp.queued", queue, BlockingQueue::size);
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        } catch (IOException e) {
            log.debug("Could not enlarge the UDP receive buffer: {}", e.toString());
        }
        this.receiver = new Thread(this::receiveLoop, "syslog-udp-receive");
        this.worker = new Thread(this::workLoop, "syslog-udp-publish");
        receiver.setDaemon(true);
        worker.setDaemon(true);
    }

    void start() {
        worker.start();
        receiver.start();
        log.info("Syslog syslog-udp receiver listening on {}", socket.getLocalSocketAddress());
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receiveLoop() {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    log.warn("Syslog UDP receive failed: {}", e.toString());
                }
                continue;
            }
            int length = SyslogFrameDecoder.datagramLength(buffer, 0, packet.getLength());
            if (length == 0) {
                continue;
            }
            Datagram datagram = new Datagram(packet.getAddress(), Instant.now(), Arrays.copyOf(buffer, length));
            if (!queue.offer(datagram)) {
                dropped.increment();
            }
        }
    }

    private void workLoop() {
        while (!closed || !queue.isEmpty()) {
            Datagram datagram;
            try {
                datagram = queue.poll(200, TimeUnit.MILLISECONDS);
                if (datagram == null) {
                    continue;
                }
                inFlight.acquire();
            } catch (InterruptedException e) {
                return;
            }
            CompletableFuture<?> future;
            try {
                future = intake.message(SyslogTransport.UDP, datagram.sender(), datagram.receivedAt(),
                        datagram.bytes(), 0, datagram.bytes().length);
            } catch (RuntimeException e) {
                inFlight.release();
                failed(e);
                continue;
            }
            future.whenComplete((result, error) -> {
                inFlight.release();
                if (error != null) {
                    failed(error);
                }
            });
        }
    }

    private void failed(Throwable error) {
        failures.increment();
        log.warn("Syslog UDP: a datagram could not be handed to Kafka and is lost: {}", error.toString());
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            receiver.join(5000);
            worker.join(10_000); // drains what was queued
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
        }
    }
}
