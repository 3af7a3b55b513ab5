package soc.detect.correlation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sigma correlation settings (see docs/sigma.md "Correlation rules").
 *
 * @param enabled            evaluate correlation rules (Kafka Streams application); false: referenced rules
 *                           alert on their own only
 * @param applicationId      Kafka Streams application id: consumer group and prefix of the changelog topic; every
 *                           instance of soc-detect uses the same one, so the groups' partitions spread over them
 * @param stateDir           local RocksDB directory; empty: a fresh temporary directory per start (the state is
 *                           then restored from the changelog topic). Set a persistent path for fast restarts.
 * @param grace              how far behind a group's newest event an out-of-order event may arrive and still count
 * @param maxEntriesPerGroup most events kept per tenant, correlation and group (oldest dropped first)
 * @param commitInterval     Kafka Streams commit interval (state flushed, offsets committed)
 */
@ConfigurationProperties("soc.detect.correlation")
public record CorrelationProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("soc-detect-correlation") String applicationId,
                                    @DefaultValue("") String stateDir,
                                    @DefaultValue("5m") Duration grace,
                                    @DefaultValue("5000") int maxEntriesPerGroup,
                                    @DefaultValue("1s") Duration commitInterval) {
}
