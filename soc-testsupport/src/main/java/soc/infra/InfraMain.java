package soc.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local infrastructure for {@code ./soc run}:
 * <pre>
 * java -cp soc-testsupport/target/soc-testsupport-0.1.0-SNAPSHOT.jar:$(cat soc-testsupport/target/classpath.txt) \
 *     soc.infra.InfraMain [--data-dir DIR] [--postgres-port N] [--kafka-port N] [--kafka-controller-port N]
 *     [--opensearch-port N]
 * </pre>
 * Prints exactly one line to stdout once everything is ready:
 * {@code SOC-INFRA-READY jdbc=<url> kafka=<bootstrap> opensearch=<url>}, then runs until SIGTERM/SIGINT and stops
 * everything cleanly. Progress lines ({@code [infra] ...}) go to stderr; server output goes to {@code DIR/logs/}.
 * Exit code 1 if start-up fails, 2 on bad arguments.
 */
public final class InfraMain {

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        InfraSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[infra] " + e.getMessage());
            System.err.println("usage: InfraMain [--data-dir DIR] [--postgres-port N] [--kafka-port N] "
                    + "[--kafka-controller-port N] [--opensearch-port N]");
            System.exit(2);
            return;
        }
        Path logs = settings.dataDir().resolve("logs");
        // Must happen before anything touches SLF4J: zonky and the Kafka admin client log at INFO.
        Path logback = settings.dataDir().resolve("conf").resolve("infra-logback.xml");
        LoggingConfig.writeFileConfig(logback, logs.resolve("infra.log"));
        System.setProperty("logback.configurationFile", logback.toString());

        InfraLog.info("data dir %s, logs in %s", settings.dataDir(), logs);
        long started = System.nanoTime();
        LocalInfra infra;
        try {
            infra = LocalInfra.start(settings); // registers the shutdown hook that stops everything
        } catch (LocalInfra.StartFailure e) {
            if (e.aborted()) {
                // SIGTERM/SIGINT during start-up: the shutdown hook is already running and the JVM is exiting.
                InfraLog.info("start-up aborted");
                return;
            }
            System.err.println("[infra] FAILED: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("[infra] FAILED: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            System.exit(1);
            return;
        }
        InfraLog.info("all up in %s", InfraLog.seconds(started));
        System.out.println("SOC-INFRA-READY jdbc=" + infra.jdbcUrl() + " kafka=" + infra.kafkaBootstrapServers()
                + " opensearch=" + infra.openSearchUrl());
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGTERM/SIGINT runs the shutdown hooks
    }

    static InfraSettings parse(String[] args) {
        Path dataDir = Path.of("data");
        int postgresPort = 15432;
        int kafkaPort = 19092;
        int kafkaControllerPort = 19093;
        int openSearchPort = 19200;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--postgres-port" -> postgresPort = port(option, value);
                case "--kafka-port" -> kafkaPort = port(option, value);
                case "--kafka-controller-port" -> kafkaControllerPort = port(option, value);
                case "--opensearch-port" -> openSearchPort = port(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new InfraSettings(dataDir, postgresPort, kafkaPort, kafkaControllerPort, openSearchPort,
                true, true, true);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a port number, got '" + value + "'");
    }
}
