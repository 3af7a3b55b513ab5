package soc.detect.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import soc.detect.rules.AlertFactory;
import soc.detect.sigma.LoadReport;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.SocEvent;
import soc.events.TenantDetectionConfig;

/**
 * Applies each tenant's detection settings in the detection path: rules switched off for a tenant raise nothing for
 * it, exceptions suppress matching events, and the tenant's own Sigma rules run on that tenant's events only.
 *
 * <p>Settings arrive whole per tenant ({@link #update}) and replace the previous ones atomically, so a change takes
 * effect from the next event on, without a restart. Framework-free and thread-safe.
 */
public final class TenantRuleSettings {
    private final Map<String, List<String>> placeholders;
    private final Map<String, Compiled> byTenant = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong customFailures = new java.util.concurrent.atomic.AtomicLong();

    /** @param placeholders Sigma placeholder values for custom rules (the same site facts as the loaded rules) */
    public TenantRuleSettings(Map<String, List<String>> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
    }

    /** One tenant's settings with its custom rules compiled. */
    private record Compiled(TenantDetectionConfig config, SigmaEngine custom, LoadReport report) {
    }

    /**
     * Replaces a tenant's settings. Custom rules that do not compile are skipped (the web app validates them before
     * saving, so this only happens when the two disagree) and reported by {@link #customRuleProblems}.
     */
    public void update(TenantDetectionConfig config) {
        SigmaEngine custom = null;
        LoadReport report = null;
        if (!config.customRules().isEmpty()) {
            SigmaEngine.Builder builder = SigmaEngine.builder();
            placeholders.forEach((name, values) -> {
                builder.placeholder(name, values);
                builder.placeholder(name.replace('-', '_'), values);
            });
            for (TenantDetectionConfig.CustomRule rule : config.customRules()) {
                builder.addYaml(rule.yaml(), "custom:" + config.tenantId() + "/" + rule.ruleId());
            }
            custom = builder.build();
            report = custom.loadReport();
        }
        byTenant.put(config.tenantId(), new Compiled(config, custom, report));
    }

    /** Forgets a tenant's settings (a tombstone on the config topic). */
    public void remove(String tenantId) {
        byTenant.remove(tenantId);
    }

    /** The settings in force for a tenant (empty when none were published). */
    public TenantDetectionConfig config(String tenantId) {
        Compiled c = byTenant.get(tenantId);
        return c == null ? TenantDetectionConfig.empty(tenantId) : c.config();
    }

    /** Whether a rule is switched on for a tenant (every rule is, unless the tenant switched it off). */
    public boolean enabled(String tenantId, String ruleId) {
        Compiled c = byTenant.get(tenantId);
        return c == null || !c.config().disabledRules().contains(ruleId);
    }

    /** Whether one of the tenant's exceptions suppresses this rule's match on this event at {@code now}. */
    public boolean suppressed(String tenantId, String ruleId, SocEvent event, Instant now) {
        Compiled c = byTenant.get(tenantId);
        if (c == null) {
            return false;
        }
        for (TenantDetectionConfig.RuleException e : c.config().exceptions()) {
            if (e.ruleId().equals(ruleId) && e.suppresses(ruleId, event.getString(e.field()), now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a rule's match on this event counts for the tenant at all: the rule is switched on for it and none of
     * its exceptions suppresses the event. The detection worker asks before it raises the alert AND before the match
     * feeds a correlation window, so a switched-off or excepted match never counts towards a correlation either.
     */
    public boolean admits(String tenantId, String ruleId, SocEvent event, Instant now) {
        Compiled c = byTenant.get(tenantId);
        if (c == null || (c.config().disabledRules().isEmpty() && c.config().exceptions().isEmpty())) {
            return true;
        }
        return !c.config().disabledRules().contains(ruleId) && !suppressed(tenantId, ruleId, event, now);
    }

    /**
     * Whether an alert raised by a correlation rule counts for the tenant: the correlation is switched on for it and
     * none of the tenant's live exceptions for that correlation matches the alert. A correlation alert has no single
     * event, so an exception on a correlation rule is evaluated against the alert's key fields: the group-by values
     * under the field names the correlation's {@code group-by} uses (e.g. {@code IpAddress}) and the
     * {@code correlation.*} fields (e.g. {@code correlation.distinct.TargetUserName}, a comma-separated list that
     * {@code contains} can test). The field name is compared exactly, else case-insensitively; an exception naming
     * a field the alert does not carry never suppresses it.
     *
     * @param keyFields the correlation alert's key fields
     */
    public boolean admitsCorrelation(String tenantId, String correlationId, Map<String, String> keyFields,
                                     Instant now) {
        Compiled c = byTenant.get(tenantId);
        if (c == null || (c.config().disabledRules().isEmpty() && c.config().exceptions().isEmpty())) {
            return true;
        }
        if (c.config().disabledRules().contains(correlationId)) {
            return false;
        }
        for (TenantDetectionConfig.RuleException e : c.config().exceptions()) {
            if (e.ruleId().equals(correlationId) && e.suppresses(correlationId, keyField(keyFields, e.field()), now)) {
                return false;
            }
        }
        return true;
    }

    private static String keyField(Map<String, String> keyFields, String field) {
        if (field == null || keyFields == null) {
            return null;
        }
        String exact = keyFields.get(field);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : keyFields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The tenant's own Sigma engine (its custom rules and custom correlation rules), null when it has none. */
    public SigmaEngine custom(String tenantId) {
        Compiled c = byTenant.get(tenantId);
        return c == null ? null : c.custom();
    }

    /**
     * Runs the tenant's custom rules on the event, handing each match to {@code onMatch} (which applies
     * {@link #admits} and feeds correlations like for the platform's rules). A failing custom rule is counted and
     * skipped for this event.
     */
    public void matchCustom(SocEvent event, java.util.function.Consumer<soc.detect.sigma.CompiledRule> onMatch) {
        Compiled c = event.tenantId() == null ? null : byTenant.get(event.tenantId());
        if (c == null || c.custom() == null) {
            return;
        }
        List<soc.detect.sigma.CompiledRule> matched = new ArrayList<>(1);
        try {
            c.custom().match(event.fields(), matched::add);
        } catch (RuntimeException | StackOverflowError e) {
            customFailures.incrementAndGet(); // a tenant's own rule must not stall everyone's detection
            return;
        }
        matched.forEach(onMatch);
    }

    /**
     * Removes alerts of rules switched off for the event's tenant or suppressed by one of its exceptions (for alerts
     * raised outside {@link #admits}: built-in keyword rules, threat indicators).
     */
    public void filter(SocEvent event, List<Alert> alerts, Instant now) {
        Compiled c = byTenant.get(event.tenantId());
        if (c == null || (c.config().disabledRules().isEmpty() && c.config().exceptions().isEmpty())) {
            return;
        }
        alerts.removeIf(alert -> !admits(event.tenantId(), alert.ruleId(), event, now));
    }

    /** Events on which a custom rule failed to evaluate (skipped for that event). */
    public long customRuleFailures() {
        return customFailures.get();
    }

    /** Custom rules of a tenant that could not be compiled, with the reason (diagnostics). */
    public List<String> customRuleProblems(String tenantId) {
        Compiled c = byTenant.get(tenantId);
        if (c == null || c.report() == null) {
            return List.of();
        }
        return c.report().failures().stream().map(LoadReport.Failure::message).toList();
    }

    /**
     * The detection hook: {@code alerts} are the alerts the loaded rules raised for {@code event} (a view the
     * caller keeps); adds the alerts of the tenant's custom rules, then removes those of rules switched off for the
     * tenant or suppressed by one of its exceptions.
     */
    public void apply(SocEvent event, List<Alert> alerts, Instant now) {
        Compiled c = byTenant.get(event.tenantId());
        if (c == null) {
            return;
        }
        if (c.custom() != null) {
            List<Alert> custom = new ArrayList<>(1);
            try {
                c.custom().match(event.fields(), rule -> custom.add(AlertFactory.alert(rule, event, now)));
                alerts.addAll(custom);
            } catch (RuntimeException | StackOverflowError e) {
                // a pathological value in a tenant's own rule must not stall everyone's detection
                customFailures.incrementAndGet();
            }
        }
        filter(event, alerts, now);
    }
}
