package soc.cases.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import soc.events.Severity;
import soc.tenants.tenants.SlaTier;

/**
 * The SLA policy in force: a tenant's tier (read from the tenant table, cached for a minute so alert intake does not
 * ask PostgreSQL per alert) and the deadlines it gives an alert or a case.
 */
@Component
@EnableConfigurationProperties(SlaProperties.class)
public class SlaPolicy {
    private static final Duration TIER_CACHE = Duration.ofMinutes(1);

    private final SlaProperties properties;
    private final SlaClock clock;
    private final JdbcClient jdbc;
    private final Map<String, CachedTier> tiers = new ConcurrentHashMap<>();

    SlaPolicy(SlaProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.clock = properties.clock();
        this.jdbc = jdbc;
    }

    public SlaProperties properties() {
        return properties;
    }

    public SlaClock clock() {
        return clock;
    }

    /** The tenant's SLA tier (STANDARD when the tenant is not visible in the caller's scope). */
    public SlaTier tierOf(String tenantId) {
        Instant now = Instant.now();
        CachedTier cached = tiers.get(tenantId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.tier();
        }
        SlaTier tier = jdbc.sql("select sla_tier from tenant where tenant_id = :id").param("id", tenantId)
                .query(String.class).optional().map(SlaTier::valueOf).orElse(SlaTier.STANDARD);
        tiers.put(tenantId, new CachedTier(tier, now.plus(TIER_CACHE)));
        return tier;
    }

    /** The deadline of a target for a tenant's item of the given severity, counted from {@code start}. */
    public Instant due(String tenantId, Severity severity, SlaTarget target, Instant start) {
        SlaProperties.TierPolicy policy = properties.policy(tierOf(tenantId));
        Duration duration = policy.target(target, severity);
        return duration == null ? null : clock.due(start, duration, policy.coverage());
    }

    public SlaTimer timer(SlaTarget target, Instant start, Instant due, Instant doneAt, Instant now) {
        return SlaTimer.at(target, start, due, doneAt, now, properties.warnFraction());
    }

    private record CachedTier(SlaTier tier, Instant until) {
    }
}
