package soc.detect.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which events a rule's logsource applies to. Each logsource part (product; product+category or category;
 * product+service or service) has a {@code when} condition: a Sigma selection over event keys. A rule's routing
 * condition is the AND of the conditions of its parts. Parts without an entry follow the {@code event.dataset}
 * convention:
 * <ul>
 *   <li>product P: {@code event.module == P} or {@code event.dataset} is {@code P} or starts with {@code P.}</li>
 *   <li>category/service X of product P: {@code event.dataset == P.X}</li>
 *   <li>category/service X without product: {@code event.dataset} is {@code X} or ends with {@code .X}</li>
 *   <li>when a rule has both category and service and only the service has an entry or convention, the category is
 *       informational (the service decides).</li>
 * </ul>
 * Built from the {@code logsources:} section of a mapping YAML (see {@link DefaultMappings}). Immutable.
 */
public final class LogsourceRouting {
    private static final LogsourceRouting DEFAULTS = fromYaml(DefaultMappings.YAML, "DefaultMappings");

    private final Map<Logsource, Object> when;

    private LogsourceRouting(Map<Logsource, Object> when) {
        this.when = Map.copyOf(when);
    }

    public static LogsourceRouting defaults() {
        return DEFAULTS;
    }

    /** Reads the {@code logsources:} section of a mapping YAML document. */
    public static LogsourceRouting fromYaml(String yaml, String source) {
        Map<Logsource, Object> when = new LinkedHashMap<>();
        for (Map<String, Object> item : FieldMapping.section(yaml, source, "logsources")) {
            Logsource ls = FieldMapping.logsourceOf(item, source);
            Object w = item.get("when");
            if (w == null) {
                throw new SigmaException(SigmaException.Kind.INVALID_RULE, source, 0, "logsource entry " + ls.key()
                        + " without 'when'");
            }
            when.put(ls, w);
        }
        return new LogsourceRouting(when);
    }

    /** This routing with {@code other}'s entries added or replacing entries for the same logsource. */
    public LogsourceRouting with(LogsourceRouting other) {
        Map<Logsource, Object> m = new LinkedHashMap<>(when);
        m.putAll(other.when);
        return new LogsourceRouting(m);
    }

    /**
     * The selections an event must all satisfy for a rule with this logsource (each a Sigma selection: map or list
     * of maps over event keys); empty when the logsource names no product, category or service (unroutable).
     */
    public List<Object> conditions(Logsource rule) {
        List<Object> parts = new ArrayList<>();
        String p = rule.product();
        String c = rule.category();
        String s = rule.service();
        if (p == null && c == null && s == null) {
            return List.of();
        }
        if (p != null) {
            Object w = when.get(Logsource.of(p, null, null));
            parts.add(w != null ? w : List.of(Map.of("event.module", p), Map.of("event.dataset", p),
                    Map.of("event.dataset|startswith", p + ".")));
        }
        if (c != null) {
            Object w = lookup(p, c, null);
            if (w != null) {
                parts.add(w);
            } else if (s == null) {
                parts.add(convention(p, c));
            }
        }
        if (s != null) {
            Object w = lookup(p, null, s);
            parts.add(w != null ? w : convention(p, s));
        }
        return parts;
    }

    private Object lookup(String p, String c, String s) {
        Object w = p == null ? null : when.get(Logsource.of(p, c, s));
        return w != null ? w : when.get(Logsource.of(null, c, s));
    }

    private static Object convention(String product, String part) {
        if (product != null) {
            return Map.of("event.dataset", product + "." + part);
        }
        return List.of(Map.of("event.dataset", part), Map.of("event.dataset|endswith", "." + part));
    }
}
