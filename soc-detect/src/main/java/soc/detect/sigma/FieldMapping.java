package soc.detect.sigma;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import soc.detect.sigma.SigmaException.Kind;

/**
 * Maps Sigma field names (Sigma taxonomy: Sysmon/EventData names for Windows, W3C names for proxies...) onto the
 * keys of a {@link soc.events.SocEvent}, per logsource. Each Sigma field resolves to an ordered list of candidate
 * keys; at match time the first key present in the event is used.
 *
 * <p>Data-driven: built from the {@code fields:} section of a mapping YAML (see {@link DefaultMappings} and
 * docs/sigma.md). Immutable and thread-safe.
 */
public final class FieldMapping {
    record Entry(Logsource logsource, Map<String, List<String>> map, List<String> fallback) {
        int specificity() {
            return (logsource.product() != null ? 1 : 0) + (logsource.category() != null ? 1 : 0)
                    + (logsource.service() != null ? 1 : 0);
        }

        boolean appliesTo(Logsource rule) {
            return (logsource.product() == null || logsource.product().equals(rule.product()))
                    && (logsource.category() == null || logsource.category().equals(rule.category()))
                    && (logsource.service() == null || logsource.service().equals(rule.service()));
        }
    }

    private static final FieldMapping DEFAULTS = fromYaml(DefaultMappings.YAML, "DefaultMappings");
    private static final FieldMapping IDENTITY = new FieldMapping(List.of(
            new Entry(Logsource.of(null, null, null), Map.of(), List.of("{field}"))));

    private final List<Entry> entries;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    private FieldMapping(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::specificity).reversed());
        this.entries = List.copyOf(sorted);
    }

    /** The platform's default mapping (winlog.* / ECS). */
    public static FieldMapping defaults() {
        return DEFAULTS;
    }

    /** Sigma field names used as event keys unchanged. */
    public static FieldMapping identity() {
        return IDENTITY;
    }

    /** Reads the {@code fields:} section of a mapping YAML document. */
    public static FieldMapping fromYaml(String yaml, String source) {
        return new FieldMapping(parse(yaml, source));
    }

    /** This mapping with the entries of {@code other} added; on equal logsource, {@code other}'s fields win. */
    public FieldMapping with(FieldMapping other) {
        List<Entry> merged = new ArrayList<>();
        Map<Logsource, Entry> byLs = new LinkedHashMap<>();
        for (Entry e : entries) {
            byLs.put(e.logsource(), e);
        }
        for (Entry e : other.entries) {
            Entry old = byLs.get(e.logsource());
            if (old == null) {
                byLs.put(e.logsource(), e);
            } else {
                Map<String, List<String>> m = new LinkedHashMap<>(old.map());
                m.putAll(e.map());
                byLs.put(e.logsource(), new Entry(e.logsource(), m, e.fallback() != null ? e.fallback()
                        : old.fallback()));
            }
        }
        merged.addAll(byLs.values());
        return new FieldMapping(merged);
    }

    /** Candidate event keys for a Sigma field of a rule with this logsource, in order of preference. */
    public List<String> resolve(Logsource logsource, String sigmaField) {
        String key = logsource.key() + "\u0000" + sigmaField;
        return cache.computeIfAbsent(key, k -> compute(logsource, sigmaField));
    }

    private List<String> compute(Logsource logsource, String field) {
        for (Entry e : entries) {
            if (e.appliesTo(logsource) && e.map().containsKey(field)) {
                return List.copyOf(e.map().get(field));
            }
        }
        for (Entry e : entries) {
            if (e.appliesTo(logsource) && e.fallback() != null) {
                LinkedHashSet<String> keys = new LinkedHashSet<>();
                for (String pattern : e.fallback()) {
                    keys.add(pattern.replace("{field}", field));
                }
                return List.copyOf(keys);
            }
        }
        return List.of(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> parse(String yaml, String source) {
        List<Entry> out = new ArrayList<>();
        for (Map<String, Object> item : section(yaml, source, "fields")) {
            Logsource ls = logsourceOf(item, source);
            Map<String, List<String>> map = new LinkedHashMap<>();
            if (item.get("map") instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    map.put(e.getKey().toString(), strings(e.getValue()));
                }
            }
            List<String> fallback = item.containsKey("fallback") ? strings(item.get("fallback")) : null;
            out.add(new Entry(ls, Map.copyOf(map), fallback));
        }
        return out;
    }

    static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(v.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> section(String yaml, String source, String name) {
        List<SigmaYaml.Doc> docs = SigmaYaml.loadAll(yaml, source);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SigmaYaml.Doc d : docs) {
            if (!(d.value() instanceof Map<?, ?> m)) {
                throw new SigmaException(Kind.INVALID_RULE, source, 0, "mapping file must be a YAML mapping");
            }
            Object s = m.get(name);
            if (s == null) {
                continue;
            }
            if (!(s instanceof List<?> l)) {
                throw new SigmaException(Kind.INVALID_RULE, source, d.lines().of(m, name), "'" + name
                        + "' must be a list");
            }
            for (Object o : l) {
                if (!(o instanceof Map<?, ?>)) {
                    throw new SigmaException(Kind.INVALID_RULE, source, d.lines().of(l), "'" + name
                            + "' entries must be mappings");
                }
                out.add((Map<String, Object>) o);
            }
        }
        return out;
    }

    static Logsource logsourceOf(Map<String, Object> item, String source) {
        Object ls = item.get("logsource");
        if (!(ls instanceof Map<?, ?> m)) {
            throw new SigmaException(Kind.INVALID_RULE, source, 0, "mapping entry without 'logsource' mapping: "
                    + item);
        }
        return Logsource.of(str(m.get("product")), str(m.get("category")), str(m.get("service")));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
