package soc.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real PostgreSQL, Kafka and OpenSearch on this machine, for integration tests ({@link TestInfra}) and the local run
 * ({@link InfraMain}).
 *
 * <p>One data dir belongs to at most one running LocalInfra (enforced with a file lock). Whatever a previous owner
 * of the dir left running after dying without cleanup is stopped on start. A shutdown hook stops everything when the
 * JVM exits, so Ctrl-C or the end of a test run never leaves servers behind.
 */
public final class LocalInfra implements AutoCloseable {

    private final Path dataDir;
    private InfraSettings settings;
    private EmbeddedPostgresComponent postgres;
    private KafkaComponent kafka;
    private OpenSearchComponent openSearch;
    /** In start order; stopped in reverse. */
    private final List<InfraComponent> running = new ArrayList<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Thread shutdownHook;
    private boolean closed;
    /** The thread inside {@link #startMissing}, so that close() (e.g. Ctrl-C) can cut a long start-up short. */
    private volatile Thread startingThread;
    private volatile boolean closeRequested;

    private LocalInfra(InfraSettings settings) {
        this.dataDir = settings.dataDir();
        this.settings = settings.only(false, false, false);
        try {
            Files.createDirectories(dataDir);
            lockChannel = FileChannel.open(dataDir.resolve(".infra.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data dir " + dataDir, e);
        }
        this.lock = tryLock(lockChannel);
        if (lock == null) {
            closeQuietly(lockChannel);
            throw new IllegalStateException("data dir " + dataDir + " is in use by another running LocalInfra");
        }
        try {
            lockChannel.truncate(0);
            lockChannel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
        } catch (IOException ignored) {
            // the pid in the lock file is only informational
        }
        this.shutdownHook = new Thread(this::close, "soc-infra-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            closeQuietly(lockChannel);
            throw shuttingDown;
        }
    }

    /**
     * Starts what {@code settings} enables and blocks until each component is ready: PostgreSQL accepts connections,
     * Kafka answers describeCluster, OpenSearch reports yellow or green.
     *
     * @throws IllegalStateException naming the failed component, with the tail of its log; anything already started
     *                               is stopped again
     */
    public static LocalInfra start(InfraSettings settings) {
        LocalInfra infra = new LocalInfra(settings);
        try {
            infra.startMissing(settings);
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        return infra;
    }

    /**
     * Starts the components enabled in {@code wanted} that are not running yet (their ports come from
     * {@code wanted}). On failure only the components started by this call are stopped.
     */
    synchronized void startMissing(InfraSettings wanted) {
        if (closed) {
            throw new IllegalStateException("LocalInfra on " + dataDir + " is closed");
        }
        List<InfraComponent> batch = new ArrayList<>();
        // Launch order: slowest first, so Kafka and OpenSearch boot while PostgreSQL (synchronous) starts.
        if (wanted.openSearch() && openSearch == null) {
            openSearch = new OpenSearchComponent(dataDir, wanted.openSearchPort());
            batch.add(openSearch);
        }
        if (wanted.kafka() && kafka == null) {
            kafka = new KafkaComponent(dataDir, wanted.kafkaPort(), wanted.kafkaControllerPort());
            batch.add(kafka);
        }
        if (wanted.postgres() && postgres == null) {
            postgres = new EmbeddedPostgresComponent(dataDir, wanted.postgresPort());
            batch.add(postgres);
        }
        List<InfraComponent> launched = new ArrayList<>();
        long[] launchedAt = new long[batch.size()];
        InfraComponent current = null;
        startingThread = Thread.currentThread();
        try {
            for (int i = 0; i < batch.size(); i++) {
                current = batch.get(i);
                InfraLog.info("starting %s ...", current.name());
                launchedAt[i] = System.nanoTime();
                launched.add(current);
                current.launch();
            }
            // Wait in reverse launch order: the quick ones first, so their "ready" lines are not held up.
            for (int i = batch.size() - 1; i >= 0; i--) {
                current = batch.get(i);
                current.awaitReady();
                InfraLog.info("%s ready (%s)", current.name(), InfraLog.seconds(launchedAt[i]));
                running.add(current);
            }
        } catch (Exception e) {
            InfraComponent failed = current;
            // Clear an interrupt (from close() or the caller) so the servers can still be stopped cleanly.
            boolean interrupted = Thread.interrupted();
            stopAll(launched);
            batch.forEach(this::forget);
            running.removeAll(batch);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (closeRequested) {
                throw new StartFailure(failed.name(), "start-up aborted: LocalInfra on " + dataDir
                        + " was closed while " + failed.name() + " was starting", e, true);
            }
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new StartFailure(failed.name(), failed.name() + " failed to start in " + dataDir + ": " + reason
                    + "\n--- last lines of " + failed.logFile() + " ---\n" + failed.logTail(), e, false);
        } finally {
            startingThread = null;
        }
        settings = new InfraSettings(dataDir,
                postgres != null ? postgres.port() : settings.postgresPort(),
                kafka != null ? wanted.kafkaPort() : settings.kafkaPort(),
                kafka != null ? wanted.kafkaControllerPort() : settings.kafkaControllerPort(),
                openSearch != null ? wanted.openSearchPort() : settings.openSearchPort(),
                postgres != null, kafka != null, openSearch != null);
    }

    private void forget(InfraComponent component) {
        if (component == postgres) {
            postgres = null;
        } else if (component == kafka) {
            kafka = null;
        } else if (component == openSearch) {
            openSearch = null;
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/soc} */
    public synchronized String jdbcUrl() {
        return require(postgres, "PostgreSQL").jdbcUrl();
    }

    /** Owner of database {@code soc}; run Flyway as this role. */
    public String ownerUser() {
        return EmbeddedPostgresComponent.OWNER_USER;
    }

    public String ownerPassword() {
        return EmbeddedPostgresComponent.OWNER_PASSWORD;
    }

    /** Runtime role: LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE, so row-level security applies to it. */
    public String appUser() {
        return EmbeddedPostgresComponent.APP_USER;
    }

    public String appPassword() {
        return EmbeddedPostgresComponent.APP_PASSWORD;
    }

    /** {@code localhost:<port>} */
    public synchronized String kafkaBootstrapServers() {
        return require(kafka, "Kafka").bootstrapServers();
    }

    /** {@code http://localhost:<port>} */
    public synchronized String openSearchUrl() {
        return require(openSearch, "OpenSearch").url();
    }

    /** Ports and data dir in use; the component flags tell what is running. */
    public synchronized InfraSettings settings() {
        return settings;
    }

    /**
     * Spring Boot properties for the running components: the app connects as soc_app, Flyway as soc_owner.
     * Keys: {@code spring.datasource.url/username/password}, {@code spring.flyway.url/user/password},
     * {@code spring.kafka.bootstrap-servers}, {@code soc.opensearch.url}.
     */
    public synchronized Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        if (postgres != null) {
            props.put("spring.datasource.url", jdbcUrl());
            props.put("spring.datasource.username", appUser());
            props.put("spring.datasource.password", appPassword());
            props.put("spring.flyway.url", jdbcUrl());
            props.put("spring.flyway.user", ownerUser());
            props.put("spring.flyway.password", ownerPassword());
        }
        if (kafka != null) {
            props.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        }
        if (openSearch != null) {
            props.put("soc.opensearch.url", openSearchUrl());
        }
        return Collections.unmodifiableMap(props);
    }

    /** Stops everything in reverse start order and releases the data dir; idempotent. */
    @Override
    public void close() {
        closeRequested = true;
        Thread starting = startingThread;
        if (starting != null && starting != Thread.currentThread()) {
            starting.interrupt(); // otherwise close() would wait for a start-up that may take two minutes
        }
        closeNow();
    }

    private synchronized void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        if (!running.isEmpty()) {
            long started = System.nanoTime();
            List<String> names = new ArrayList<>(running.stream().map(InfraComponent::name).toList());
            Collections.reverse(names);
            InfraLog.info("stopping %s", String.join(", ", names));
            stopAll(running);
            InfraLog.info("stopped (%s)", InfraLog.seconds(started));
        }
        running.clear();
        postgres = null;
        kafka = null;
        openSearch = null;
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes away with the channel anyway
        }
        closeQuietly(lockChannel);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are probably running inside that hook
        }
    }

    /** Reverse order; stop signals go out to all first so the servers shut down concurrently. */
    private static void stopAll(List<InfraComponent> components) {
        List<InfraComponent> reversed = new ArrayList<>(components);
        Collections.reverse(reversed);
        reversed.forEach(InfraComponent::beginStop);
        for (InfraComponent component : reversed) {
            try {
                component.stop();
            } catch (RuntimeException e) {
                InfraLog.info("stopping %s failed: %s", component.name(), e);
            }
        }
    }

    private static <T> T require(T component, String name) {
        if (component == null) {
            throw new IllegalStateException(name + " is not started in this LocalInfra");
        }
        return component;
    }

    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another LocalInfra in this JVM
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Start-up failure of one component; {@link #component()} tells which. */
    static final class StartFailure extends IllegalStateException {

        private final String component;
        private final boolean aborted;

        StartFailure(String component, String message, Throwable cause, boolean aborted) {
            super(message, cause);
            this.component = component;
            this.aborted = aborted;
        }

        String component() {
            return component;
        }

        /** True if the start did not fail by itself but was cut short by {@link #close()}. */
        boolean aborted() {
            return aborted;
        }
    }

    @Override
    public String toString() {
        return "LocalInfra" + settings;
    }
}
