package soc.infra;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the Kafka child JVM started by {@link KafkaComponent}: formats the KRaft log dir on first use, then
 * runs the stock {@code kafka.Kafka} server (which installs its own SIGTERM hook for a clean shutdown).
 *
 * <p>Args: {@code <server.properties> <log dir>}.
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        Path config = Path.of(args[0]);
        Path logDir = Path.of(args[1]);
        exitWhenParentDies();
        // meta.properties is what "kafka-storage.sh format" writes; its presence means the dir holds a cluster
        // already, and re-formatting would throw the data away.
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = StorageTool.execute(new String[] {
                "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString(),
                "--ignore-formatted"}, System.out);
            if (rc != 0) {
                System.err.println("formatting " + logDir + " failed with exit code " + rc);
                System.exit(rc);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /**
     * The parent never writes to our stdin; when the pipe reaches EOF the parent is gone (even after kill -9), so
     * shut down rather than live on as an orphan holding the ports and the log dir.
     */
    private static void exitWhenParentDies() {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // discard
                }
            } catch (IOException ignored) {
                // treated like EOF
            }
            System.out.println("[soc-infra] parent process gone, shutting Kafka down");
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
