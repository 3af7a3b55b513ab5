package soc.ingest.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When soc-ingest enforces the tenants' retention (the days themselves are per tenant, see
 * {@code soc.tenants.retention.TenantRetention}; the platform default is {@code soc.retention.default-days}).
 *
 * @param enabled      run the enforcement on a schedule (off: nothing is deleted and no ISM policy is written)
 * @param initialDelay first run after start-up
 * @param interval     between the end of one run and the start of the next
 */
@ConfigurationProperties("soc.ingest.retention")
public record RetentionJobProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("PT5M") Duration initialDelay,
                                     @DefaultValue("PT1H") Duration interval) {
}
