package soc.detect;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Detection settings.
 *
 * @param partitions    partitions of the topics this service creates
 * @param replicas      replication factor of those topics
 */
@ConfigurationProperties("soc.detect")
public record DetectProperties(@DefaultValue("6") int partitions,
                               @DefaultValue("1") short replicas) {
}
