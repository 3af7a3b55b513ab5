package soc.detect.sigma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import soc.detect.sigma.SigmaException.Kind;

/**
 * Parses Sigma YAML (safe loading) into {@link SigmaRule}, {@link SigmaCorrelation} and {@link SigmaFilter}.
 *
 * <p>Multi-document files are supported: plain rule collections (one rule per document) and the Sigma 1.x
 * collection actions {@code action: global} (the document is deep-merged into every following document),
 * {@code action: reset} (forgets the global document) and {@code action: repeat} (the previous document, deep-merged
 * with this one). Stateless and thread-safe.
 */
public final class SigmaParser {
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)");
    private static final Pattern ATTACK_ID = Pattern.compile("attack\\.(?:t|g|s|m|ds|a|ta)\\d+(?:\\.\\d+)?");
    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhdwMy])");
    private static final Set<String> RULE_KEYS = Set.of("title", "id", "name", "author", "level", "status",
            "description", "references", "falsepositives", "tags", "logsource", "detection", "fields", "date",
            "modified");

    /** Parses a file (all its documents). */
    public List<SigmaDocument> parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SigmaException(Kind.YAML_SYNTAX, file.toString(), 0, "cannot read: " + e, e);
        }
        return parse(text, file.toString());
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public List<SigmaDocument> parse(String yaml, String source) {
        List<SigmaYaml.Doc> docs;
        try {
            docs = SigmaYaml.loadAll(yaml, source);
        } catch (SigmaException e) {
            throw e.source() == null ? new SigmaException(e.kind(), source, e.line(), stripSource(e), e) : e;
        }
        List<SigmaDocument> result = new ArrayList<>();
        Map<String, Object> global = null;
        Map<String, Object> previous = null;
        for (SigmaYaml.Doc doc : docs) {
            if (!(doc.value() instanceof Map<?, ?> raw)) {
                throw new SigmaException(Kind.INVALID_RULE, source, doc.lines().of(doc.value()),
                        "a Sigma document must be a mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            Object action = map.get("action");
            if (action != null) {
                String a = action.toString().toLowerCase(Locale.ROOT);
                Map<String, Object> rest = new LinkedHashMap<>(map);
                rest.remove("action");
                switch (a) {
                    case "global" -> {
                        global = rest;
                        continue;
                    }
                    case "reset" -> {
                        global = null;
                        continue;
                    }
                    case "repeat" -> {
                        if (previous == null) {
                            throw new SigmaException(Kind.INVALID_RULE, source, doc.lines().of(map, "action"),
                                    "action: repeat without a previous document");
                        }
                        map = deepMerge(previous, rest);
                    }
                    default -> throw new SigmaException(Kind.INVALID_RULE, source, doc.lines().of(map, "action"),
                            "unknown collection action '" + action + "'");
                }
            } else if (global != null) {
                map = deepMerge(global, map);
            }
            previous = map;
            result.add(toDocument(map, doc.lines(), source));
        }
        return result;
    }

    private static String stripSource(SigmaException e) {
        String m = e.getMessage();
        int i = m.indexOf(": ");
        return i >= 0 ? m.substring(i + 2) : m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object old = out.get(e.getKey());
            if (old instanceof Map<?, ?> om && e.getValue() instanceof Map<?, ?> nm) {
                out.put(e.getKey(), deepMerge((Map<String, Object>) om, (Map<String, Object>) nm));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private SigmaDocument toDocument(Map<String, Object> map, SigmaYaml.Lines lines, String source) {
        int line = lines.of(map);
        if (map.containsKey("correlation")) {
            return correlation(map, lines, source, line);
        }
        if (map.containsKey("filter") && !map.containsKey("detection")) {
            return filter(map, lines, source, line);
        }
        return rule(map, lines, source, line);
    }

    private SigmaRule rule(Map<String, Object> map, SigmaYaml.Lines lines, String source, int line) {
        String title = requireString(map, "title", lines, source);
        Logsource logsource = logsource(map, lines, source);
        SigmaDetection detection = detection(map, "detection", lines, source);
        List<String> tags = stringList(map, "tags", lines, source).stream()
                .map(t -> t.toLowerCase(Locale.ROOT)).toList();
        List<String> techniques = new ArrayList<>();
        List<String> tactics = new ArrayList<>();
        for (String tag : tags) {
            Matcher m = TECHNIQUE.matcher(tag);
            if (m.matches()) {
                techniques.add(m.group(1).toUpperCase(Locale.ROOT));
            } else if (tag.startsWith("attack.") && !ATTACK_ID.matcher(tag).matches()) {
                tactics.add(tag.substring("attack.".length()));
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>(map);
        RULE_KEYS.forEach(extra::remove);
        return new SigmaRule(optString(map, "id"), optString(map, "name"), title, optString(map, "author"),
                lower(optString(map, "level")), lower(optString(map, "status")), optString(map, "description"),
                stringList(map, "references", lines, source), stringList(map, "falsepositives", lines, source), tags,
                techniques, tactics, logsource, detection, stringList(map, "fields", lines, source),
                optString(map, "date"), optString(map, "modified"), source, line, extra);
    }

    private SigmaFilter filter(Map<String, Object> map, SigmaYaml.Lines lines, String source, int line) {
        String title = requireString(map, "title", lines, source);
        Logsource logsource = map.containsKey("logsource") ? logsource(map, lines, source) : Logsource.of(null, null,
                null);
        SigmaDetection detection = detection(map, "filter", lines, source);
        Object f = map.get("filter");
        @SuppressWarnings("unchecked")
        List<String> rules = stringList((Map<String, Object>) f, "rules", lines, source);
        Map<String, Object> searches = new LinkedHashMap<>(detection.searches());
        searches.remove("rules");
        return new SigmaFilter(optString(map, "id"), title, optString(map, "author"), optString(map, "description"),
                logsource, rules, new SigmaDetection(searches, detection.conditions(), detection.lines()), source,
                line);
    }

    @SuppressWarnings("unchecked")
    private SigmaCorrelation correlation(Map<String, Object> map, SigmaYaml.Lines lines, String source, int line) {
        String title = requireString(map, "title", lines, source);
        if (!(map.get("correlation") instanceof Map<?, ?> c)) {
            throw new SigmaException(Kind.INVALID_RULE, source, lines.of(map, "correlation"),
                    "'correlation' must be a mapping");
        }
        Map<String, Object> corr = (Map<String, Object>) c;
        String type = requireString(corr, "type", lines, source).toLowerCase(Locale.ROOT);
        if (!Set.of("event_count", "value_count", "temporal", "temporal_ordered", "value_sum", "value_avg",
                "value_percentile").contains(type)) {
            throw new SigmaException(Kind.INVALID_RULE, source, lines.of(corr, "type"),
                    "unknown correlation type '" + type + "'");
        }
        List<String> rules = stringList(corr, "rules", lines, source);
        if (rules.isEmpty()) {
            throw new SigmaException(Kind.INVALID_RULE, source, lines.of(corr, "rules"), "correlation without rules");
        }
        Object gb = corr.get("group-by");
        List<String> groupBy = gb instanceof String s ? List.of(s) : stringList(corr, "group-by", lines, source);
        Duration timespan = null;
        Object ts = corr.get("timespan");
        if (ts != null) {
            Matcher m = TIMESPAN.matcher(ts.toString().trim());
            if (!m.matches()) {
                throw new SigmaException(Kind.INVALID_RULE, source, lines.of(corr, "timespan"),
                        "invalid timespan '" + ts + "' (expected e.g. 30s, 5m, 1h, 1d)");
            }
            long n = Long.parseLong(m.group(1));
            timespan = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                case "M" -> Duration.ofDays(30 * n);
                default -> Duration.ofDays(365 * n);
            };
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        Object cond = corr.get("condition");
        if (cond instanceof Map<?, ?> cm) {
            for (Map.Entry<?, ?> e : cm.entrySet()) {
                if (e.getValue() != null) {
                    condition.put(e.getKey().toString(), e.getValue());
                }
            }
        } else if (cond != null) {
            throw new SigmaException(Kind.INVALID_RULE, source, lines.of(corr, "condition"),
                    "correlation condition must be a mapping such as {gte: 10}");
        } else if (!type.startsWith("temporal")) {
            throw new SigmaException(Kind.INVALID_RULE, source, lines.of(corr), "correlation without condition");
        }
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (corr.get("aliases") instanceof Map<?, ?> am) {
            for (Map.Entry<?, ?> e : am.entrySet()) {
                Map<String, String> perRule = new LinkedHashMap<>();
                if (e.getValue() instanceof Map<?, ?> pm) {
                    pm.forEach((k, v) -> perRule.put(k.toString(), String.valueOf(v)));
                }
                aliases.put(e.getKey().toString(), Map.copyOf(perRule));
            }
        }
        boolean generate = Boolean.TRUE.equals(corr.get("generate"));
        List<String> tags = stringList(map, "tags", lines, source).stream().map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
        return new SigmaCorrelation(optString(map, "id"), optString(map, "name"), title, optString(map, "author"),
                lower(optString(map, "level")), lower(optString(map, "status")), optString(map, "description"), type,
                rules, groupBy, timespan, condition, aliases, generate, source, line, tags, techniques(tags));
    }

    private static List<String> techniques(List<String> tags) {
        List<String> techniques = new ArrayList<>();
        for (String tag : tags) {
            Matcher m = TECHNIQUE.matcher(tag);
            if (m.matches()) {
                techniques.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return techniques;
    }

    private static Logsource logsource(Map<String, Object> map, SigmaYaml.Lines lines, String source) {
        Object ls = map.get("logsource");
        if (!(ls instanceof Map<?, ?> m)) {
            throw new SigmaException(Kind.INVALID_RULE, source, ls == null ? lines.of(map) : lines.of(map, "logsource"),
                    ls == null ? "missing 'logsource'" : "'logsource' must be a mapping");
        }
        return new Logsource(str(m.get("product")), str(m.get("category")), str(m.get("service")),
                str(m.get("definition")));
    }

    @SuppressWarnings("unchecked")
    private static SigmaDetection detection(Map<String, Object> map, String key, SigmaYaml.Lines lines,
                                            String source) {
        Object d = map.get(key);
        if (!(d instanceof Map<?, ?> dm)) {
            throw new SigmaException(Kind.INVALID_RULE, source, d == null ? lines.of(map) : lines.of(map, key),
                    d == null ? "missing '" + key + "'" : "'" + key + "' must be a mapping");
        }
        Map<String, Object> searches = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) dm).entrySet()) {
            if (e.getKey().equals("condition")) {
                Object c = e.getValue();
                if (c instanceof List<?> cl) {
                    for (Object o : cl) {
                        conditions.add(String.valueOf(o));
                    }
                } else if (c != null) {
                    conditions.add(c.toString());
                }
            } else if (e.getKey().equals("timeframe")) {
                continue; // Sigma 1.x aggregation window, only meaningful with aggregations (rejected at compile)
            } else {
                searches.put(e.getKey(), e.getValue());
            }
        }
        if (conditions.isEmpty()) {
            throw new SigmaException(Kind.INVALID_RULE, source, lines.of(dm), "'" + key + "' has no condition");
        }
        // Keep the original map as line anchor: lines are looked up by identity of the detection map.
        return new SigmaDetection(searches, conditions, new LinesView(lines, dm));
    }

    /** Line lookup bound to the original detection map (the record holds a copy). */
    private static final class LinesView extends SigmaYaml.Lines {
        private final SigmaYaml.Lines lines;
        private final Object anchor;

        LinesView(SigmaYaml.Lines lines, Object anchor) {
            this.lines = lines;
            this.anchor = anchor;
        }

        @Override
        int of(Object container) {
            int l = lines.of(container);
            return l > 0 ? l : lines.of(anchor);
        }

        @Override
        int of(Object map, String key) {
            int l = keyLine(map, key);
            return l > 0 ? l : lines.of(anchor);
        }

        @Override
        int keyLine(Object map, String key) {
            int l = lines.keyLine(map, key);
            return l > 0 ? l : lines.keyLine(anchor, key);
        }
    }

    private static String requireString(Map<String, Object> map, String key, SigmaYaml.Lines lines, String source) {
        Object v = map.get(key);
        if (v == null || v instanceof Map || v instanceof List || v.toString().isBlank()) {
            throw new SigmaException(Kind.INVALID_RULE, source, v == null ? lines.of(map) : lines.of(map, key),
                    v == null ? "missing '" + key + "'" : "'" + key + "' must be a non-empty string");
        }
        return v.toString();
    }

    private static String optString(Map<String, Object> map, String key) {
        return str(map.get(key));
    }

    private static String str(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        return v.toString();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static List<String> stringList(Map<String, Object> map, String key, SigmaYaml.Lines lines,
                                           String source) {
        Object v = map == null ? null : map.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            for (Object o : l) {
                if (o != null) {
                    out.add(o instanceof Map<?, ?> ? o.toString() : o.toString());
                }
            }
            return out;
        }
        if (v instanceof Map<?, ?>) {
            throw new SigmaException(Kind.INVALID_RULE, source, lines.of(map, key), "'" + key + "' must be a list");
        }
        return List.of(v.toString());
    }
}
