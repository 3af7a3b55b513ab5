package soc.cases.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert intake from the alerts topic (docs/benchmarks.md, "Alert intake").
 *
 * @param concurrency    consumer threads of this instance; each takes some of the topic's partitions (6 by default)
 *                       and writes its polls in transactions of its own. A tenant's alerts share one partition (keyed
 *                       by tenant), so deduplication never races between threads.
 * @param maxPollRecords alerts handed over per poll, i.e. per transaction: fewer, larger transactions keep up better
 */
@ConfigurationProperties("soc.cases.alerts.intake")
public record AlertIntakeProperties(@DefaultValue("2") int concurrency, @DefaultValue("1000") int maxPollRecords) {
}
