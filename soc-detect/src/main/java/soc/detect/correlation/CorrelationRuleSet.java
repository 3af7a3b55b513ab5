package soc.detect.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.detect.rules.AlertFactory;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.FieldMapping;
import soc.detect.sigma.Logsource;
import soc.detect.sigma.SigmaCorrelation;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.Ids;
import soc.events.Severity;
import soc.events.SocEvent;

/**
 * The evaluable correlation rules of a {@link SigmaEngine}: references resolved (rule id or name, or another
 * correlation for chains), one {@link CorrelationWindow} each, and what cannot be evaluated reported with the
 * reason. Plain Java, immutable, thread-safe.
 */
public final class CorrelationRuleSet {
    /** An evaluable correlation. */
    public record Correlation(String key, SigmaCorrelation rule, CorrelationWindow window) {
    }

    private record Reference(Correlation correlation, String ref) {
    }

    private static final int MAX_EVENT_IDS = 200;
    private static final int MAX_DISTINCT_SHOWN = 20;

    private final Map<String, Correlation> byKey = new LinkedHashMap<>();
    private final Map<String, List<Reference>> byRule = new LinkedHashMap<>(); // by referenced rule id or name
    private final Map<String, List<Reference>> byCorrelation = new LinkedHashMap<>();
    private final List<String> rejected = new ArrayList<>();
    private final FieldMapping mapping;

    /**
     * @param referable   the detection rules the correlations may reference
     * @param chainable   correlations of another set (the platform's, for a tenant's own set) the correlations may
     *                    reference as a chain; they are resolved, not evaluated by this set
     */
    private CorrelationRuleSet(List<SigmaCorrelation> correlations, List<CompiledRule> referable,
                               List<Correlation> chainable, FieldMapping mapping, long graceMillis, int maxEntries) {
        this.mapping = mapping;
        Map<String, List<CompiledRule>> rulesByRef = new LinkedHashMap<>();
        for (CompiledRule rule : referable) {
            if (rule.id() != null) {
                rulesByRef.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(rule);
            }
            if (rule.rule().name() != null) {
                rulesByRef.computeIfAbsent(rule.rule().name(), k -> new ArrayList<>()).add(rule);
            }
        }
        Map<String, Correlation> correlationsByRef = new LinkedHashMap<>();
        for (Correlation other : chainable) {
            if (other.rule().id() != null) {
                correlationsByRef.put(other.rule().id(), other);
            }
            if (other.rule().name() != null) {
                correlationsByRef.put(other.rule().name(), other);
            }
        }
        for (SigmaCorrelation c : correlations) {
            String key = key(c);
            try {
                CorrelationCondition condition = c.condition().isEmpty() ? null
                        : CorrelationCondition.of(c.condition());
                CorrelationWindow window = new CorrelationWindow(c.type(), c.rules(),
                        c.timespan() == null ? 0 : c.timespan().toMillis(), condition, graceMillis, maxEntries);
                Correlation correlation = new Correlation(key, c, window);
                byKey.put(key, correlation);
                if (c.id() != null) {
                    correlationsByRef.put(c.id(), correlation);
                }
                if (c.name() != null) {
                    correlationsByRef.put(c.name(), correlation);
                }
            } catch (IllegalArgumentException e) {
                rejected.add(c.source() + ":" + c.line() + " '" + c.title() + "': " + e.getMessage());
            }
        }
        for (Correlation correlation : List.copyOf(byKey.values())) {
            List<String> unresolved = new ArrayList<>();
            for (String ref : correlation.rule().rules()) {
                List<CompiledRule> rules = rulesByRef.get(ref);
                Correlation inner = correlationsByRef.get(ref);
                if (rules != null) {
                    byRule.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Reference(correlation, ref));
                } else if (inner != null && inner != correlation) {
                    byCorrelation.computeIfAbsent(inner.key(), k -> new ArrayList<>())
                            .add(new Reference(correlation, ref));
                } else {
                    unresolved.add(ref);
                }
            }
            if (!unresolved.isEmpty()) {
                rejected.add(correlation.rule().source() + ":" + correlation.rule().line() + " '"
                        + correlation.rule().title() + "': references no loaded rule " + unresolved);
            }
        }
    }

    public static CorrelationRuleSet of(SigmaEngine engine, long graceMillis, int maxEntries) {
        return new CorrelationRuleSet(engine.correlations(), engine.rules(), List.of(), FieldMapping.defaults(),
                graceMillis, maxEntries);
    }

    /**
     * One tenant's own correlation rules (from its custom Sigma YAML): they may reference the tenant's custom rules
     * and any rule of the platform's engine (SigmaHQ, our packs) by id or name.
     */
    public static CorrelationRuleSet custom(SigmaEngine custom, SigmaEngine platform, long graceMillis,
                                            int maxEntries) {
        return custom(custom, platform, null, graceMillis, maxEntries);
    }

    /**
     * One tenant's own correlation rules, which may also chain onto the platform's evaluated correlations (by id or
     * name): when a platform correlation fires for the tenant, {@link #chained} sends its signal to the tenant's
     * correlations that reference it. The tenant's own correlations win a name both define.
     *
     * @param platformCorrelations the platform's correlations; null: none to chain onto
     */
    public static CorrelationRuleSet custom(SigmaEngine custom, SigmaEngine platform,
                                            CorrelationRuleSet platformCorrelations, long graceMillis,
                                            int maxEntries) {
        List<CompiledRule> referable = new ArrayList<>(custom.rules());
        if (platform != null) {
            referable.addAll(platform.rules());
        }
        return new CorrelationRuleSet(custom.correlations(), referable,
                platformCorrelations == null ? List.of() : platformCorrelations.correlations(),
                FieldMapping.defaults(), graceMillis, maxEntries);
    }

    static String key(SigmaCorrelation c) {
        return c.id() != null ? c.id() : c.name() != null ? c.name() : "sigma:" + c.title();
    }

    public List<Correlation> correlations() {
        return List.copyOf(byKey.values());
    }

    public Correlation correlation(String key) {
        return byKey.get(key);
    }

    /** Correlations that are not evaluated, each with its source and the reason. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** Whether this rule feeds any correlation. */
    public boolean referenced(CompiledRule rule) {
        return !references(rule).isEmpty();
    }

    /** Looked up by the rule's id and name, so an engine rebuilt with the same rules keeps its correlations. */
    private List<Reference> references(CompiledRule rule) {
        List<Reference> byId = rule.id() == null ? null : byRule.get(rule.id());
        List<Reference> byName = rule.rule().name() == null ? null : byRule.get(rule.rule().name());
        if (byId == null) {
            return byName == null ? List.of() : byName;
        }
        if (byName == null) {
            return byId;
        }
        List<Reference> both = new ArrayList<>(byId);
        both.addAll(byName);
        return both;
    }

    /**
     * Whether a match of this rule is also an alert of its own: yes unless every correlation that references it
     * leaves {@code generate} at its default, false (Sigma: only the correlation is generated).
     */
    public boolean standalone(CompiledRule rule) {
        List<Reference> refs = references(rule);
        return refs.isEmpty() || refs.stream().anyMatch(r -> r.correlation().rule().generate());
    }

    /** The signals one event matching one rule sends to the correlations that reference the rule. */
    public List<CorrelationSignal> signals(CompiledRule rule, SocEvent event) {
        List<Reference> refs = references(rule);
        if (refs.isEmpty() || event.eventId() == null || event.tenantId() == null) {
            return List.of();
        }
        long time = eventTime(event);
        List<CorrelationSignal> out = new ArrayList<>(refs.size());
        for (Reference ref : refs) {
            SigmaCorrelation c = ref.correlation().rule();
            Map<String, String> groupValues = new LinkedHashMap<>();
            for (String field : c.groupBy()) {
                groupValues.put(field, lookup(event, rule.rule().logsource(), aliased(c, field, ref.ref())));
            }
            String valueField = valueField(c);
            String value = valueField == null ? null
                    : lookup(event, rule.rule().logsource(), aliased(c, valueField, ref.ref()));
            out.add(new CorrelationSignal(event.tenantId(), ref.correlation().key(), group(groupValues), groupValues,
                    ref.ref(), event.eventId(), time, value));
        }
        return out;
    }

    /** The signals a fired correlation sends to the correlations that reference it (chains). */
    public List<CorrelationSignal> chained(CorrelationSignal fired, String alertId, long time) {
        List<Reference> refs = byCorrelation.get(fired.correlation());
        if (refs == null) {
            return List.of();
        }
        List<CorrelationSignal> out = new ArrayList<>();
        for (Reference ref : refs) {
            SigmaCorrelation c = ref.correlation().rule();
            Map<String, String> groupValues = new LinkedHashMap<>();
            for (String field : c.groupBy()) {
                String value = fired.groupValues().get(aliased(c, field, ref.ref()));
                groupValues.put(field, value == null ? "" : value);
            }
            String valueField = valueField(c);
            out.add(new CorrelationSignal(fired.tenantId(), ref.correlation().key(), group(groupValues), groupValues,
                    ref.ref(), alertId, time, valueField == null ? null : fired.groupValues().get(valueField)));
        }
        return out;
    }

    /** The alert for a satisfied window: the correlation's title, author, level and techniques. */
    public Alert alert(Correlation correlation, CorrelationSignal signal, CorrelationWindow.Match match,
                       Instant detectedAt) {
        SigmaCorrelation c = correlation.rule();
        String author = c.author() == null || c.author().isBlank() ? AlertFactory.UNKNOWN_AUTHOR : c.author();
        List<String> eventIds = match.contributing().stream().map(CorrelationWindow.Entry::eventId).distinct()
                .limit(MAX_EVENT_IDS).toList();
        Map<String, String> keyFields = new LinkedHashMap<>();
        signal.groupValues().forEach((k, v) -> keyFields.put(k, v == null ? "" : v));
        keyFields.put("correlation.type", c.type());
        keyFields.put("correlation.value", format(match.aggregate()));
        keyFields.put("correlation.events", Integer.toString(match.contributing().size()));
        keyFields.put("correlation.timespan", c.timespan() == null ? "" : c.timespan().toString());
        keyFields.put("correlation.first_event", Instant.ofEpochMilli(match.firstTime()).toString());
        keyFields.put("correlation.last_event", Instant.ofEpochMilli(match.lastTime()).toString());
        if (!match.distinctValues().isEmpty()) {
            String field = c.type().startsWith("temporal") ? "correlation.rules"
                    : "correlation.distinct." + valueField(c);
            keyFields.put(field, String.join(", ", match.distinctValues().stream().limit(MAX_DISTINCT_SHOWN)
                    .toList()) + (match.distinctValues().size() > MAX_DISTINCT_SHOWN ? ", ..." : ""));
        }
        String alertId = Ids.of("correlation", signal.tenantId(), correlation.key(), signal.group(),
                match.contributing().get(0).eventId(), Long.toString(match.firstTime()));
        return new Alert(alertId, signal.tenantId(), correlation.key(), c.title(), author,
                Severity.fromSigmaLevel(c.level()), c.techniques(), eventIds, keyFields,
                Ids.of(signal.tenantId(), correlation.key(), signal.group()), Instant.ofEpochMilli(match.firstTime()),
                detectedAt);
    }

    private static long eventTime(SocEvent event) {
        try {
            return event.timestamp().toEpochMilli();
        } catch (RuntimeException e) {
            return System.currentTimeMillis(); // no or unreadable @timestamp: the time we saw it
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String valueField(SigmaCorrelation c) {
        Object field = c.condition().get("field");
        if (field instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return field == null ? null : field.toString();
    }

    private static String aliased(SigmaCorrelation c, String field, String ref) {
        Map<String, String> alias = c.aliases().get(field);
        if (alias != null && alias.get(ref) != null) {
            return alias.get(ref);
        }
        return field;
    }

    private String lookup(SocEvent event, Logsource logsource, String field) {
        for (String key : mapping.resolve(logsource, field)) {
            String value = event.getString(key);
            if (value != null) {
                return value;
            }
        }
        String raw = event.getString(field);
        return raw == null ? "" : raw;
    }

    private static String group(Map<String, String> values) {
        return String.join("\u001f", values.values());
    }
}
