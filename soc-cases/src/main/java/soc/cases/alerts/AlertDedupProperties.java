package soc.cases.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert deduplication at intake.
 *
 * @param window an alert whose fingerprint (tenant, rule, entity) matches an open alert (NEW or ACKNOWLEDGED) last
 *               seen at most this long before it is counted in that alert (occurrences + 1, last seen moved)
 *               instead of becoming a new queue row; zero turns deduplication off
 */
@ConfigurationProperties("soc.cases.alerts.dedup")
public record AlertDedupProperties(@DefaultValue("15m") Duration window) {
}
