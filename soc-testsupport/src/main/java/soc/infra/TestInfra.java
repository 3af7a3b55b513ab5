package soc.infra;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * JVM-wide infrastructure for integration tests. Started lazily on the first call, under
 * {@code target/test-infra/<timestamp>-<pid>} (relative to the working directory, i.e. the module under Surefire) on
 * free ports, and stopped by a shutdown hook when the test JVM exits. A later call asking for more components
 * starts the missing ones on the same instance.
 *
 * <p>The run's data is deleted on exit, but its logs are kept until the next run, for post-mortems; directories of
 * earlier runs whose JVM is gone are removed on the next start, after stopping anything they left running. System
 * properties: {@code soc.infra.test-dir} overrides the base directory, {@code soc.infra.keep-data=true} keeps the
 * data too.
 *
 * <p>If a component fails to start, later calls needing it fail at once with the original error as the cause.
 */
public final class TestInfra {

    private static LocalInfra infra;
    private static Path runDir;
    /** Component name to its start-up failure, so later test classes fail fast instead of timing out again. */
    private static final Map<String, IllegalStateException> failures = new HashMap<>();

    private TestInfra() {
    }

    public static LocalInfra postgres() {
        return ensure(true, false, false);
    }

    public static LocalInfra kafka() {
        return ensure(false, true, false);
    }

    public static LocalInfra openSearch() {
        return ensure(false, false, true);
    }

    public static LocalInfra all() {
        return ensure(true, true, true);
    }

    private static synchronized LocalInfra ensure(boolean postgres, boolean kafka, boolean openSearch) {
        rethrowEarlierFailure(postgres, "PostgreSQL");
        rethrowEarlierFailure(kafka, "Kafka");
        rethrowEarlierFailure(openSearch, "OpenSearch");
        if (infra != null) {
            InfraSettings running = infra.settings();
            postgres &= !running.postgres();
            kafka &= !running.kafka();
            openSearch &= !running.openSearch();
            if (!postgres && !kafka && !openSearch) {
                return infra;
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // Fresh ports for every start: ports picked earlier may have been taken since.
                InfraSettings wanted = InfraSettings.allOnFreePorts(runDir()).only(postgres, kafka, openSearch);
                if (infra == null) {
                    infra = LocalInfra.start(wanted);
                    Runtime.getRuntime().addShutdownHook(
                            new Thread(TestInfra::stopAndCleanUp, "soc-test-infra-cleanup"));
                } else {
                    infra.startMissing(wanted);
                }
                return infra;
            } catch (LocalInfra.StartFailure e) {
                // Another build on this machine can grab a "free" port between our check and the server's bind.
                if (attempt < 3 && e.getMessage().contains("already in use")) {
                    InfraLog.info("port clash, retrying with other ports");
                    continue;
                }
                failures.put(e.component(), e);
                throw e;
            }
        }
    }

    private static void rethrowEarlierFailure(boolean wanted, String component) {
        IllegalStateException failure = failures.get(component);
        if (wanted && failure != null) {
            throw new IllegalStateException(component + " failed to start earlier in this JVM", failure);
        }
    }

    private static Path runDir() {
        if (runDir == null) {
            runDir = newRunDir();
        }
        return runDir;
    }

    private static Path newRunDir() {
        Path base = Path.of(System.getProperty("soc.infra.test-dir", "target/test-infra")).toAbsolutePath();
        removeAbandonedRuns(base);
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid();
        return base.resolve(name);
    }

    /**
     * A run dir whose lock can be taken belongs to a JVM that is gone: stop whatever its pid files still point to,
     * then delete it. Dirs of live JVMs (e.g. a concurrent build of the same module) are locked and skipped.
     */
    private static void removeAbandonedRuns(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path lockFile = dir.resolve(".infra.lock");
                if (!Files.exists(lockFile)) {
                    continue;
                }
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                     FileLock lock = channel.tryLock()) {
                    if (lock == null) {
                        continue;
                    }
                    String marker = dir + File.separator;
                    EmbeddedPostgresComponent.stopStalePostmaster(dir.resolve("postgres"));
                    Processes.stopStale(dir.resolve("run").resolve("kafka.pid"), marker, "Kafka");
                    Processes.stopStale(dir.resolve("run").resolve("opensearch.pid"), marker, "OpenSearch");
                }
                OpenSearchDistribution.deleteRecursively(dir);
            }
        } catch (IOException | RuntimeException e) {
            InfraLog.info("could not clean up old test infrastructure under %s: %s", base, e);
        }
    }

    private static synchronized void stopAndCleanUp() {
        if (infra == null) {
            return;
        }
        infra.close();
        if (Boolean.getBoolean("soc.infra.keep-data")) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(runDir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.equals("logs") && !name.equals(".infra.lock")) {
                    OpenSearchDistribution.deleteRecursively(child);
                }
            }
        } catch (IOException e) {
            InfraLog.info("could not delete %s: %s", runDir, e);
        }
    }
}
