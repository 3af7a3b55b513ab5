package soc.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PostgreSQL 17 from the zonky embedded binaries. The data directory survives restarts; roles and the {@code soc}
 * database are (re)asserted on every start so an old data dir converges to the expected shape.
 */
final class EmbeddedPostgresComponent implements InfraComponent {

    static final String DATABASE = "soc";
    static final String OWNER_USER = "soc_owner";
    static final String APP_USER = "soc_app";
    // Local-only credentials. Note that zonky's initdb uses trust authentication on localhost, so these are not
    // actually checked; they exist so that configuration written against them also works on a real server.
    static final String OWNER_PASSWORD = "soc_owner_local";
    static final String APP_PASSWORD = "soc_app_local";

    private final Path dataDir;
    private final Path pgData;
    private final int port;
    private final Path logFile;
    private long logOffset;
    private EmbeddedPostgres postgres;

    EmbeddedPostgresComponent(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.pgData = dataDir.resolve("postgres");
        this.port = port;
        this.logFile = dataDir.resolve("logs").resolve("postgres.log");
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void launch() throws IOException {
        Files.createDirectories(logFile.getParent());
        logOffset = Processes.fileSize(logFile);
        stopStalePostmaster(pgData);
        Ports.requireFree(port, name());
    }

    /**
     * The postmaster is daemonised by pg_ctl, so it outlives a JVM that was killed hard; its own pid file tells
     * whether one is still running on this data dir. SIGINT is PostgreSQL's "fast" shutdown: unlike SIGTERM it does
     * not wait for clients (e.g. a still running app) to disconnect.
     */
    static void stopStalePostmaster(Path pgData) {
        stopPostmaster(pgData, Duration.ZERO, "stopping stale PostgreSQL (pid %d) left by a previous run");
    }

    /** Fast-shuts-down the postmaster of {@code pgData}, if one still runs after {@code patience}. */
    private static void stopPostmaster(Path pgData, Duration patience, String message) {
        Processes.findStale(pgData.resolve("postmaster.pid"), pgData.toString()).ifPresent(stale -> {
            if (Processes.awaitExit(List.of(stale), patience)) {
                return;
            }
            InfraLog.info(message, stale.pid());
            Processes.run("kill", "-INT", Long.toString(stale.pid()));
            if (!Processes.awaitExit(List.of(stale), Duration.ofSeconds(30))) {
                stale.destroyForcibly();
            }
        });
    }

    @Override
    public void awaitReady() throws Exception {
        // zonky's start() blocks until the server answers, so nothing runs in the background here. It cannot be
        // cancelled safely (an interrupt can leave a postmaster running that zonky never hands back), so it always
        // runs to the end; it takes seconds.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        postgres = uninterruptibly(builder::start);
        createRolesAndDatabase();
    }

    /**
     * Runs {@code task} in its own thread and lets it finish even if this thread is interrupted meanwhile, but then
     * waits at most 15 s more (zonky may poll for a minute for a server that its shutdown hook already stopped).
     * The interrupt is kept; an abandoned start is cleaned up by {@link #stop()}.
     */
    private static <T> T uninterruptibly(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, "postgres-start");
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        try {
            try {
                return future.get();
            } catch (InterruptedException e) {
                interrupted = true;
                return future.get(15, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new InterruptedException("gave up waiting for PostgreSQL after an interrupt");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            ensureRole(c, OWNER_USER, OWNER_PASSWORD);
            ensureRole(c, APP_USER, APP_PASSWORD);
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_USER);
            }
            // Table privileges for soc_app are granted by the owner (Flyway migrations); the right to connect is
            // granted here explicitly so it does not depend on PUBLIC's default privileges.
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_USER);
        }
        try (Connection c = DriverManager.getConnection(url(DATABASE), "postgres", "");
             Statement s = c.createStatement()) {
            // PG 15+ makes pg_database_owner (= soc_owner) own schema public already; saying it explicitly keeps
            // older data dirs and future template changes from surprising Flyway.
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER_USER);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + APP_USER);
        }
    }

    /**
     * Creates the role if needed and always re-applies its attributes: soc_app must never bypass row-level security,
     * and neither role gets powers beyond owning/using the soc database.
     */
    private static void ensureRole(Connection c, String role, String password) throws SQLException {
        String attributes = " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '"
                + password.replace("'", "''") + "'";
        try (Statement s = c.createStatement()) {
            if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                s.execute("ALTER ROLE " + role + " WITH" + attributes);
            } else {
                s.execute("CREATE ROLE " + role + attributes);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    String jdbcUrl() {
        return url(DATABASE);
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close(); // pg_ctl stop -m fast
            } catch (IOException e) {
                InfraLog.info("PostgreSQL did not stop cleanly: %s", e);
            }
            postgres = null;
        }
        stopWhateverStillRuns();
    }

    /**
     * zonky's close() is not enough on its own: it is a no-op if zonky's own shutdown hook got there first, and that
     * hook can run pg_ctl stop before the server even wrote its pid file (Ctrl-C during start-up); a start that
     * failed half-way leaves no EmbeddedPostgres to close at all. So: wait until no pg_ctl of ours is still starting
     * the server, then fast-shut-down whatever the data dir's pid file points to.
     */
    private void stopWhateverStillRuns() {
        String marker = pgData.toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline
                && Processes.findStale(pgData.resolve("postmaster.pid"), marker).isEmpty()
                && ProcessHandle.current().descendants().anyMatch(p -> Processes.commandLine(p).contains(marker))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // A pg_ctl stop may be under way (zonky's hook), hence a little patience before signalling ourselves.
        stopPostmaster(pgData, Duration.ofSeconds(5), "PostgreSQL (pid %d) still running, sending it a fast shutdown");
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public String logTail() {
        return Processes.tail(logFile, logOffset, 40);
    }

    @Override
    public String toString() {
        return name() + " " + dataDir;
    }
}
