package soc.infra;

import java.nio.file.Path;

/**
 * One server managed by {@link LocalInfra}. Start-up is split in two so that slow servers can boot in parallel:
 * {@link #launch()} only kicks the process off, {@link #awaitReady()} blocks until it serves requests.
 */
interface InfraComponent {

    String name();

    /** Starts the server without waiting for it (where the server allows that). */
    void launch() throws Exception;

    /** Blocks until the server is usable; throws if it died or timed out. */
    void awaitReady() throws Exception;

    /** Sends the stop signal without waiting, so several servers can shut down concurrently. */
    default void beginStop() {
    }

    /** Stops the server and waits for it; idempotent. */
    void stop();

    /** The main log file of the server, for error messages. */
    Path logFile();

    /** The log lines this run wrote, for error messages. */
    String logTail();
}
