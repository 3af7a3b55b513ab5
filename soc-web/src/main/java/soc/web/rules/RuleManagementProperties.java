package soc.web.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rule management settings.
 *
 * @param huntHits       how many of the first hits a retro-hunt shows
 * @param huntTimeout    how long a retro-hunt query may run in OpenSearch
 * @param pageSize       rules per catalog page
 */
@ConfigurationProperties("soc.web.rules")
public record RuleManagementProperties(@DefaultValue("20") int huntHits,
                                       @DefaultValue("30s") Duration huntTimeout,
                                       @DefaultValue("200") int pageSize) {
}
