package soc.infra;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-node OpenSearch from the Maven Central distribution zip, run with the current JDK.
 *
 * <p>Layout under {@code dataDir}: {@code opensearch/dist} (unpacked once, read-only use), {@code opensearch/config}
 * (our config; OpenSearch also writes its keystore here), {@code opensearch/data}, {@code opensearch/tmp},
 * {@code logs/opensearch/} (OpenSearch's own log files) and {@code logs/opensearch.log} (its console output).
 *
 * <p>OpenSearch refuses to run as root. When we are root, the writable directories are handed to {@code nobody}
 * and the server is started through {@code setpriv}, which (unlike {@code runuser}/{@code su}) execs directly: the
 * process we hold is the OpenSearch JVM itself, so SIGTERM reaches it without a middleman that would SIGKILL it
 * after a short grace period.
 */
final class OpenSearchComponent implements InfraComponent {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String HEAP = "-Xms768m -Xmx768m";
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow|red)\"");

    private final Path dataDir;
    private final Path home;
    private final Path config;
    private final Path data;
    private final Path tmp;
    private final Path serverLogs;
    private final Path logFile;
    private final Path pidFile;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private long logOffset;
    private Process process;

    OpenSearchComponent(Path dataDir, int port) {
        this.dataDir = dataDir;
        Path base = dataDir.resolve("opensearch");
        this.home = base.resolve("dist");
        this.config = base.resolve("config");
        this.data = base.resolve("data");
        this.tmp = base.resolve("tmp");
        this.serverLogs = dataDir.resolve("logs").resolve("opensearch");
        this.logFile = dataDir.resolve("logs").resolve("opensearch.log");
        this.pidFile = dataDir.resolve("run").resolve("opensearch.pid");
        this.port = port;
    }

    @Override
    public String name() {
        return "OpenSearch";
    }

    String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void launch() throws IOException {
        Processes.stopStale(pidFile, dataDir + File.separator, name());
        Ports.requireFree(port, "OpenSearch HTTP");
        int transportPort = Ports.isFree(port + 100) ? port + 100 : Ports.freePort();

        for (Path dir : List.of(config, data, tmp, serverLogs)) {
            Files.createDirectories(dir);
        }
        boolean root = RunAsNobody.isRoot();
        if (root) {
            RunAsNobody.makeReachable(dataDir, dataDir.resolve("opensearch"), dataDir.resolve("logs"));
            RunAsNobody.requireTraversable(dataDir, "OpenSearch runs as 'nobody' because it refuses to run as root");
        }
        OpenSearchDistribution.ensureUnpacked(OpenSearchDistribution.locateZip(), home);
        writeConfig();

        List<String> command = new ArrayList<>();
        if (root) {
            RunAsNobody.chown(config, data, tmp, serverLogs);
            command.addAll(RunAsNobody.commandPrefix());
        }
        command.add(home.resolve("bin").resolve("opensearch").toString());
        command.addAll(List.of(
                "-Ecluster.name=soc-local",
                "-Enode.name=soc-local",
                "-Ediscovery.type=single-node",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + port,
                "-Etransport.port=" + transportPort,
                "-Epath.data=" + data,
                "-Epath.logs=" + serverLogs,
                // A nearly full dev disk must not flip indices to read-only or leave shards unassigned.
                "-Ecluster.routing.allocation.disk.threshold_enabled=false"));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS"); // the start script would warn and ignore them anyway
        env.remove("JAVA_OPTS");
        env.put("OPENSEARCH_HOME", home.toString());
        env.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        env.put("OPENSEARCH_PATH_CONF", config.toString());
        // Setting the tmp dir also saves the start script one JVM launch (it would otherwise compute one).
        env.put("OPENSEARCH_TMPDIR", tmp.toString());
        // No pre-touching: committing the whole heap up front only slows the start on a small box.
        env.put("OPENSEARCH_JAVA_OPTS", HEAP + " -XX:-AlwaysPreTouch");

        logOffset = Processes.fileSize(logFile);
        process = builder.start();
        Processes.writePidFile(pidFile, process.pid());
    }

    /**
     * A config dir of our own instead of the distribution's: the distribution stays untouched, and the JVM options no
     * longer write GC logs and heap dumps into it.
     */
    private void writeConfig() throws IOException {
        Path distConfig = home.resolve("config");
        for (String file : List.of("opensearch.yml", "log4j2.properties")) {
            if (!Files.exists(config.resolve(file))) {
                Files.copy(distConfig.resolve(file), config.resolve(file));
            }
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
        Files.writeString(config.resolve("jvm.options"), String.join("\n",
                "## Written by soc.infra.OpenSearchComponent on every start; the heap comes from OPENSEARCH_JAVA_OPTS.",
                "11-:-XX:+UseG1GC",
                "11-:-XX:G1ReservePercent=25",
                "11-:-XX:InitiatingHeapOccupancyPercent=30",
                "-Djava.io.tmpdir=${OPENSEARCH_TMPDIR}",
                "-XX:ErrorFile=" + serverLogs.resolve("hs_err_pid%p.log"),
                "18-:-Djava.security.manager=allow",
                "20-:--add-modules=jdk.incubator.vector",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                        + "org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory",
                ""));
    }

    @Override
    public void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OpenSearch exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                Matcher status = STATUS.matcher(response.body());
                if (response.statusCode() == 200 && status.find() && !status.group(1).equals("red")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("OpenSearch cluster health not yellow/green within "
                + READY_TIMEOUT.toSeconds() + " s (last: " + last + ")");
    }

    @Override
    public synchronized void beginStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        beginStop();
        // While the start script is still running, the JVM is a descendant rather than the process itself.
        if (!Processes.stopTree(process.toHandle(), Duration.ofSeconds(30))) {
            InfraLog.info("OpenSearch did not stop within 30 s and was killed");
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
