package soc.detect.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import soc.detect.config.TenantRuleSettings;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.SocEvent;

/**
 * The correlation rules in force for each tenant: the platform's ({@link CorrelationRuleSet} of the loaded engine)
 * plus the tenant's own correlation rules from its custom Sigma YAML ({@link TenantRuleSettings#custom}), which may
 * reference the tenant's custom rules, any platform rule and any platform correlation (a chain). A correlation
 * switched off for the tenant receives no signals, and a correlation's own alert is checked against the tenant's
 * settings ({@link #admits}). The per-tenant sets are rebuilt when the tenant's custom engine changes. Thread-safe.
 */
public final class TenantCorrelations {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TenantCorrelations.class);
    private record Custom(SigmaEngine engine, CorrelationRuleSet rules) {
    }

    private final CorrelationRuleSet platform;
    private final SigmaEngine platformEngine;
    private final TenantRuleSettings settings;
    private final long graceMillis;
    private final int maxEntries;
    private final Map<String, Custom> custom = new ConcurrentHashMap<>();

    /** @param settings the tenants' settings; null: platform correlations only, for every tenant */
    public TenantCorrelations(CorrelationRuleSet platform, SigmaEngine platformEngine, TenantRuleSettings settings,
                              long graceMillis, int maxEntries) {
        this.platform = platform;
        this.platformEngine = platformEngine;
        this.settings = settings;
        this.graceMillis = graceMillis;
        this.maxEntries = maxEntries;
    }

    /** Platform correlations only (no tenant settings). */
    public static TenantCorrelations platformOnly(CorrelationRuleSet platform) {
        return new TenantCorrelations(platform, null, null, 0, 1);
    }

    public CorrelationRuleSet platform() {
        return platform;
    }

    /** The tenant's own correlation rules, or null when it has none. */
    public CorrelationRuleSet custom(String tenantId) {
        if (settings == null || tenantId == null) {
            return null;
        }
        SigmaEngine engine = settings.custom(tenantId);
        if (engine == null || engine.correlations().isEmpty()) {
            custom.remove(tenantId);
            return null;
        }
        Custom cached = custom.get(tenantId);
        if (cached == null || cached.engine() != engine) {
            cached = new Custom(engine, CorrelationRuleSet.custom(engine, platformEngine, platform, graceMillis,
                    maxEntries));
            custom.put(tenantId, cached);
            cached.rules().rejected().forEach(r -> log.warn("Correlation rule of tenant {} not evaluated: {}",
                    tenantId, r));
        }
        return cached.rules();
    }

    /** The correlation a signal of this tenant names: the tenant's own first, then the platform's; null if gone. */
    public CorrelationRuleSet.Correlation correlation(String tenantId, String key) {
        CorrelationRuleSet own = custom(tenantId);
        CorrelationRuleSet.Correlation c = own == null ? null : own.correlation(key);
        return c != null ? c : platform.correlation(key);
    }

    /** The rule set that owns the named correlation for this tenant (for alerts and chains). */
    CorrelationRuleSet owner(String tenantId, String key) {
        CorrelationRuleSet own = custom(tenantId);
        return own != null && own.correlation(key) != null ? own : platform;
    }

    /** Signals of one admitted match: to the platform's and the tenant's correlations that reference the rule. */
    public List<CorrelationSignal> signals(CompiledRule rule, SocEvent event) {
        List<CorrelationSignal> out = new ArrayList<>(platform.signals(rule, event));
        CorrelationRuleSet own = custom(event.tenantId());
        if (own != null) {
            out.addAll(own.signals(rule, event));
        }
        if (settings != null && !out.isEmpty()) {
            out.removeIf(s -> !settings.enabled(s.tenantId(), s.correlation()));
        }
        return out;
    }

    /** Signals a fired correlation sends to the correlations that reference it (the tenant's and the platform's). */
    public List<CorrelationSignal> chained(CorrelationSignal fired, String alertId, long time) {
        List<CorrelationSignal> out = new ArrayList<>(platform.chained(fired, alertId, time));
        CorrelationRuleSet own = custom(fired.tenantId());
        if (own != null) {
            out.addAll(own.chained(fired, alertId, time));
        }
        if (settings != null && !out.isEmpty()) {
            out.removeIf(s -> !settings.enabled(s.tenantId(), s.correlation()));
        }
        return out;
    }

    /**
     * Whether a correlation's alert counts for its tenant at {@code now}: the correlation is still switched on for
     * the tenant (it may have been switched off after its signals were sent) and none of the tenant's exceptions for
     * the correlation matches the alert's key fields ({@link TenantRuleSettings#admitsCorrelation}). A suppressed
     * alert is not raised and does not feed the correlations chained onto it.
     */
    public boolean admits(Alert alert, Instant now) {
        return settings == null || settings.admitsCorrelation(alert.tenantId(), alert.ruleId(), alert.keyFields(), now);
    }

    /**
     * Whether a match of this rule for this tenant is also an alert of its own: not when every correlation (the
     * platform's or the tenant's) that references it leaves {@code generate} false.
     */
    public boolean standalone(CompiledRule rule, String tenantId) {
        CorrelationRuleSet own = custom(tenantId);
        boolean platformRefs = platform.referenced(rule);
        boolean ownRefs = own != null && own.referenced(rule);
        if (!platformRefs && !ownRefs) {
            return true;
        }
        return (platformRefs && platform.standalone(rule)) || (ownRefs && own.standalone(rule));
    }
}
