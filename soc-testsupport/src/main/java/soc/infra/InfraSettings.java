package soc.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link LocalInfra} starts and where.
 *
 * @param dataDir             root of all state: {@code postgres/}, {@code kafka/}, {@code opensearch/}, {@code logs/}
 * @param postgresPort        PostgreSQL port (localhost only)
 * @param kafkaPort           Kafka broker (PLAINTEXT) port
 * @param kafkaControllerPort Kafka KRaft controller port
 * @param openSearchPort      OpenSearch HTTP port (the transport port is derived, see {@link OpenSearchComponent})
 */
public record InfraSettings(Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
                            int openSearchPort, boolean postgres, boolean kafka, boolean openSearch) {

    public InfraSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        // Everything downstream (pid-file matching, OpenSearch -E paths) needs one canonical spelling of the path.
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** All three components, fresh free ports, data dir given. */
    public static InfraSettings allOnFreePorts(Path dataDir) {
        int[] ports = Ports.freePorts(4);
        return new InfraSettings(dataDir, ports[0], ports[1], ports[2], ports[3], true, true, true);
    }

    /** Same ports and directory, but only the given components. */
    public InfraSettings only(boolean postgres, boolean kafka, boolean openSearch) {
        return new InfraSettings(dataDir, postgresPort, kafkaPort, kafkaControllerPort, openSearchPort,
                postgres, kafka, openSearch);
    }
}
