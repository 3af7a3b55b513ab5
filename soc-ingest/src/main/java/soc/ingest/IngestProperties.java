package soc.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest settings.
 *
 * @param maxLineBytes  a longer line is rejected with a reason (and dead-lettered) rather than accepted
 * @param maxBodyBytes  a larger (decompressed) request body is refused with 413
 * @param partitions    partitions of the topics this service creates
 * @param replicas      replication factor of those topics (1 for the local single broker)
 */
@ConfigurationProperties("soc.ingest")
public record IngestProperties(@DefaultValue("262144") int maxLineBytes,
                               @DefaultValue("33554432") long maxBodyBytes,
                               @DefaultValue("6") int partitions,
                               @DefaultValue("1") short replicas) {
}
