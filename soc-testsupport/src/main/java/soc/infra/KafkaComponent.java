package soc.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Single-node Kafka in KRaft mode (broker + controller in one process), run in a child JVM.
 *
 * <p>Why a child JVM rather than in-process: the broker's Scala runtime, metrics and logging then stay out of the
 * test JVM (which runs Spring contexts with its own logging), its output can be routed to a file, and it can be
 * stopped or killed without touching the caller. The child runs {@link KafkaNodeMain} on the caller's classpath.
 */
final class KafkaComponent implements InfraComponent {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Path logDir;
    private final Path configFile;
    private final Path logbackFile;
    private final Path pidFile;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private long logOffset;
    private Process process;

    KafkaComponent(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.logDir = dataDir.resolve("kafka");
        this.configFile = dataDir.resolve("conf").resolve("kafka.properties");
        this.logbackFile = dataDir.resolve("conf").resolve("kafka-logback.xml");
        this.pidFile = dataDir.resolve("run").resolve("kafka.pid");
        this.logFile = dataDir.resolve("logs").resolve("kafka.log");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    @Override
    public String name() {
        return "Kafka";
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void launch() throws IOException {
        Files.createDirectories(logDir);
        Files.createDirectories(logFile.getParent());
        Processes.stopStale(pidFile, dataDir + File.separator, name());
        Ports.requireFree(port, "Kafka broker");
        Ports.requireFree(controllerPort, "Kafka controller");
        writeConfig();
        LoggingConfig.writeConsoleConfig(logbackFile);

        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + logbackFile,
                "@" + writeClasspathArgFile(),
                KafkaNodeMain.class.getName(),
                configFile.toString(),
                logDir.toString());
        logOffset = Processes.fileSize(logFile);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                // stdin stays a pipe on purpose: the child exits when it sees EOF, i.e. when this JVM is gone.
                .start();
        Processes.writePidFile(pidFile, process.pid());
    }

    /**
     * The child gets our own classpath (under Surefire: the module's test classpath, which includes this library and
     * the Kafka jars). It goes through a java @argfile because a single command-line argument is limited to 128 KiB
     * on Linux, which a big test classpath can exceed.
     */
    private Path writeClasspathArgFile() throws IOException {
        String classpath = System.getProperty("java.class.path")
                .replace("\\", "\\\\")
                .replace("\"", "\\\"");
        Path argFile = configFile.resolveSibling("kafka-classpath.args");
        Files.writeString(argFile, "-cp\n\"" + classpath + "\"\n");
        return argFile;
    }

    private void writeConfig() throws IOException {
        String properties = String.join("\n",
                "# Written by soc.infra.KafkaComponent on every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                // A static voter set (rather than a dynamic quorum formatted with --standalone) keeps the controller
                // address out of the metadata log, so the data dir survives a change of ports.
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=6",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Sized for a 2-core dev box / CI runner rather than a production broker.
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "log.cleaner.dedupe.buffer.size=16777216",
                "");
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, properties);
    }

    @Override
    public void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        // Wait for the listener before creating the admin client: it would otherwise log a warning for every
        // refused connection into the caller's console.
        while (!accepting(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not open port " + port + " within "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
        try (Admin admin = Admin.create(config)) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue());
                }
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                            .nodes().get(4, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("Kafka did not answer describeCluster within " + READY_TIMEOUT.toSeconds()
                    + " s" + (last == null ? "" : " (last error: " + last + ")"));
        }
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void beginStop() {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: kafka.Kafka's hook performs a controlled shutdown and flushes the logs
        }
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        beginStop();
        if (!Processes.stopTree(process.toHandle(), Duration.ofSeconds(30))) {
            InfraLog.info("Kafka did not stop within 30 s and was killed");
        }
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // stale pid files are validated before use
        }
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public String logTail() {
        return Processes.tail(logFile, logOffset, 40);
    }
}
