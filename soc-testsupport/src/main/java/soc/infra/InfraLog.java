package soc.infra;

/**
 * The few human-facing lines this library prints (start, ready, stop). Deliberately not SLF4J: the servers' own chatter
 * goes to files under {@code dataDir/logs}, and these lines must stay visible whatever logging the host configured.
 * They go to stderr so that stdout of {@link InfraMain} carries only the READY line.
 */
final class InfraLog {

    private InfraLog() {
    }

    static void info(String format, Object... args) {
        System.err.println("[infra] " + String.format(format, args));
    }

    static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
