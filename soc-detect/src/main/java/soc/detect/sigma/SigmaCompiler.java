package soc.detect.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import soc.detect.sigma.SigmaException.Kind;

/**
 * Compiles Sigma detections into {@link Node} trees. Everything is prepared here: lower-cased needles, wildcard
 * patterns, regular expressions, CIDR networks, base64 variants, windash permutations, placeholder expansion; at
 * match time nothing is compiled or lower-cased except the event values (once per event and field).
 *
 * <p>Field names are resolved through a {@link FieldMapping}; resolved fields are interned into {@link FieldRef}s
 * with a slot each (the per-event cache index). One compiler serves all rules of one {@link SigmaEngine}; it is
 * not thread-safe (the engine compiles at build time, single-threaded).
 */
final class SigmaCompiler {
    /** Wildcard markers in prepared strings: private-use characters that never occur in rule text. */
    static final char STAR = '\uE000';
    static final char QMARK = '\uE001';
    private static final char PERCENT = '\uE002';

    private static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "re", "i", "m",
            "s", "cidr", "base64", "base64offset", "windash", "wide", "utf16", "utf16le", "utf16be", "exists", "lt",
            "lte", "gt", "gte", "neq", "fieldref", "expand", "cased", "minute", "hour", "day", "week", "month",
            "year");
    private static final Pattern WINDASH = Pattern.compile("\\B[-/]\\b");
    private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};
    private static final Pattern PLACEHOLDER = Pattern.compile("%([^%\\s]+)%");
    private static final int MAX_VARIANTS = 4096;

    private final FieldMapping mapping;
    private final Map<String, List<String>> placeholders;
    private final Map<List<String>, FieldRef> refs = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private SigmaYaml.Lines lines;

    SigmaCompiler(FieldMapping mapping, Map<String, List<String>> placeholders) {
        this.mapping = mapping;
        this.placeholders = placeholders;
    }

    int slots() {
        return refs.size();
    }

    /** Distinct event keys the compiled rules read (for routing caches and diagnostics). */
    Set<String> keysRead() {
        Set<String> keys = new LinkedHashSet<>();
        for (List<String> k : refs.keySet()) {
            keys.addAll(k);
        }
        return keys;
    }

    /** Non-fatal notes of the last compile (e.g. unresolved placeholders). */
    List<String> drainWarnings() {
        List<String> w = List.copyOf(warnings);
        warnings.clear();
        return w;
    }

    FieldRef ref(Logsource ls, String field) {
        List<String> keys = mapping.resolve(ls, field);
        return refs.computeIfAbsent(keys, k -> new FieldRef(field, k, refs.size()));
    }

    // ------------------------------------------------------------------------------------------ detection

    Node compileDetection(SigmaDetection detection, Logsource ls, String source) {
        lines = detection.lines();
        Map<String, Node> compiled = new HashMap<>();
        List<Node> conditions = new ArrayList<>();
        for (String condition : detection.conditions()) {
            conditions.add(ConditionParser.parse(condition, detection.searches(),
                    id -> compiled.computeIfAbsent(id, k -> compileSearch(detection.searches().get(k), ls, source,
                            detection.lineOf(k), k)),
                    source, detection.lineOf("condition")));
        }
        return Node.or(conditions.toArray(Node[]::new));
    }

    /** A search identifier: map (AND), list of maps/keywords (OR), or a single keyword. */
    Node compileSearch(Object value, Logsource ls, String source, int line, String name) {
        if (value instanceof Map<?, ?> map) {
            return compileMap(map, ls, source, line, name);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new SigmaException(Kind.INVALID_RULE, source, line, "search identifier '" + name
                        + "' is an empty list");
            }
            List<Node> alternatives = new ArrayList<>();
            List<Object> keywords = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    alternatives.add(compileMap(m, ls, source, line, name));
                } else if (item instanceof List<?>) {
                    throw new SigmaException(Kind.INVALID_RULE, source, line, "nested list in search identifier '"
                            + name + "'");
                } else {
                    keywords.add(item);
                }
            }
            if (!keywords.isEmpty()) {
                alternatives.add(compileKeywords(keywords, List.of(), source, line));
            }
            return Node.or(alternatives.toArray(Node[]::new));
        }
        if (value == null) {
            throw new SigmaException(Kind.INVALID_RULE, source, line, "search identifier '" + name + "' is empty");
        }
        return compileKeywords(List.of(value), List.of(), source, line);
    }

    private Node compileMap(Map<?, ?> map, Logsource ls, String source, int line, String name) {
        if (map.isEmpty()) {
            throw new SigmaException(Kind.INVALID_RULE, source, line, "search identifier '" + name
                    + "' is an empty map");
        }
        List<Node> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            int keyLine = lines == null ? 0 : lines.keyLine(map, String.valueOf(e.getKey()));
            parts.add(compileField(String.valueOf(e.getKey()), e.getValue(), ls, source, keyLine > 0 ? keyLine
                    : line));
        }
        return Node.and(parts.toArray(Node[]::new));
    }

    // ------------------------------------------------------------------------------------------ fields

    Node compileField(String key, Object value, Logsource ls, String source, int line) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0].trim();
        List<String> mods = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String m = parts[i].trim().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(m)) {
                throw new SigmaException(Kind.MODIFIER, source, line, "unknown modifier '" + parts[i] + "' in '"
                        + key + "'");
            }
            if ((m.equals("i") || m.equals("m") || m.equals("s")) && !mods.contains("re")) {
                throw new SigmaException(Kind.MODIFIER, source, line, "modifier '" + m + "' needs 're' in '" + key
                        + "'");
            }
            mods.add(m);
        }
        if (value instanceof Map<?, ?>) {
            throw new SigmaException(Kind.INVALID_RULE, source, line, "value of '" + key + "' must not be a map");
        }
        List<?> values = value instanceof List<?> l ? l : java.util.Collections.singletonList(value);
        if (values.isEmpty()) {
            throw new SigmaException(Kind.INVALID_RULE, source, line, "empty value list for '" + key + "'");
        }
        if (field.isEmpty()) {
            return compileKeywords(values, mods, source, line);
        }
        FieldRef ref = ref(ls, field);
        if (mods.contains("exists")) {
            if (values.size() != 1 || !(values.get(0) instanceof Boolean || "true".equalsIgnoreCase(String.valueOf(
                    values.get(0))) || "false".equalsIgnoreCase(String.valueOf(values.get(0))))) {
                throw new SigmaException(Kind.VALUE, source, line, "'exists' needs true or false in '" + key + "'");
            }
            return new Node.Exists(ref, Boolean.parseBoolean(String.valueOf(values.get(0))));
        }
        boolean all = mods.contains("all");
        List<ValueTest> tests = new ArrayList<>();
        List<Node> nulls = new ArrayList<>();
        for (Object v : values) {
            if (v == null) {
                nulls.add(new Node.Exists(ref, false));
            } else if (v instanceof List<?>) {
                throw new SigmaException(Kind.INVALID_RULE, source, line, "nested list in '" + key + "'");
            } else {
                tests.add(compileValue(v, mods, ls, source, line, key));
            }
        }
        List<Node> alternatives = new ArrayList<>(nulls);
        if (!tests.isEmpty()) {
            ValueTest combined = all ? (tests.size() == 1 ? tests.get(0) : new ValueTest.AllOf(
                    tests.toArray(ValueTest[]::new))) : anyOf(tests);
            alternatives.add(new Node.FieldTest(ref, combined));
        }
        Node node = all ? Node.and(alternatives.toArray(Node[]::new)) : Node.or(alternatives.toArray(Node[]::new));
        return mods.contains("neq") ? new Node.Not(node) : node;
    }

    private Node compileKeywords(List<?> values, List<String> mods, String source, int line) {
        List<String> m = new ArrayList<>(mods);
        if (!m.contains("re") && !m.contains("startswith") && !m.contains("endswith") && !m.contains("contains")
                && !m.contains("cidr") && !m.contains("fieldref")) {
            m.add("contains");
        }
        List<Node> nodes = new ArrayList<>();
        for (Object v : values) {
            if (v == null || v instanceof List<?> || v instanceof Map<?, ?>) {
                throw new SigmaException(Kind.INVALID_RULE, source, line, "keyword values must be scalars");
            }
            nodes.add(new Node.Keyword(compileValue(v, m, null, source, line, "<keywords>")));
        }
        return m.contains("all") ? Node.and(nodes.toArray(Node[]::new)) : Node.or(nodes.toArray(Node[]::new));
    }

    static ValueTest anyOf(List<ValueTest> tests) {
        List<ValueTest> flat = new ArrayList<>();
        for (ValueTest t : tests) {
            if (t instanceof ValueTest.AnyOf a) {
                flat.addAll(List.of(a.tests));
            } else if (!(t instanceof ValueTest.Never)) {
                flat.add(t);
            }
        }
        if (flat.isEmpty()) {
            return tests.isEmpty() ? new ValueTest.Never("empty") : tests.get(0);
        }
        // exact values: one hash look-up instead of a loop
        List<ValueTest> out = new ArrayList<>();
        Set<String> eqLower = new LinkedHashSet<>();
        Set<String> eqCased = new LinkedHashSet<>();
        for (ValueTest t : flat) {
            if (t instanceof ValueTest.Str s && s.mode == ValueTest.Mode.EQUALS) {
                (s.cased ? eqCased : eqLower).add(s.needle);
            } else {
                out.add(t);
            }
        }
        addEq(out, eqLower, false);
        addEq(out, eqCased, true);
        out.sort(java.util.Comparator.comparingInt(ValueTest::cost));
        return out.size() == 1 ? out.get(0) : new ValueTest.AnyOf(out.toArray(ValueTest[]::new));
    }

    private static void addEq(List<ValueTest> out, Set<String> values, boolean cased) {
        if (values.size() > 2) {
            out.add(new ValueTest.EqSet(values, cased));
        } else {
            for (String v : values) {
                out.add(new ValueTest.Str(ValueTest.Mode.EQUALS, v, cased));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ values

    private ValueTest compileValue(Object value, List<String> mods, Logsource ls, String source, int line,
                                   String key) {
        boolean cased = mods.contains("cased");
        ValueTest.Mode mode = mods.contains("contains") ? ValueTest.Mode.CONTAINS
                : mods.contains("startswith") ? ValueTest.Mode.PREFIX
                : mods.contains("endswith") ? ValueTest.Mode.SUFFIX : ValueTest.Mode.EQUALS;
        String text = value instanceof String s ? s : EventValue.toText(value);

        if (mods.contains("fieldref")) {
            if (ls == null) {
                throw new SigmaException(Kind.MODIFIER, source, line, "'fieldref' needs a field in '" + key + "'");
            }
            return new ValueTest.FieldRefTest(ref(ls, text), mode, cased);
        }
        ValueTest.Cmp cmp = mods.contains("lt") ? ValueTest.Cmp.LT : mods.contains("lte") ? ValueTest.Cmp.LTE
                : mods.contains("gt") ? ValueTest.Cmp.GT : mods.contains("gte") ? ValueTest.Cmp.GTE : null;
        ValueTest.TimeUnit unit = null;
        for (ValueTest.TimeUnit u : ValueTest.TimeUnit.values()) {
            if (mods.contains(u.name().toLowerCase(Locale.ROOT))) {
                unit = u;
            }
        }
        if (cmp != null || unit != null) {
            double bound = ValueTest.number(value instanceof Number ? value : null, text);
            if (Double.isNaN(bound)) {
                throw new SigmaException(Kind.VALUE, source, line, "numeric value expected in '" + key + "', got '"
                        + text + "'");
            }
            return unit != null ? new ValueTest.TimePart(unit, cmp == null ? ValueTest.Cmp.EQ : cmp, bound)
                    : new ValueTest.Numeric(cmp, bound);
        }
        if (mods.contains("cidr")) {
            IpNet net = IpNet.parseCidr(text);
            if (net == null) {
                throw new SigmaException(Kind.VALUE, source, line, "invalid CIDR '" + text + "' in '" + key + "'");
            }
            return new ValueTest.Cidr(new IpNet[] {net});
        }
        if (mods.contains("re")) {
            if (mode != ValueTest.Mode.EQUALS || mods.contains("base64") || mods.contains("base64offset")) {
                throw new SigmaException(Kind.MODIFIER, source, line, "'re' cannot be combined with string or "
                        + "encoding modifiers in '" + key + "'");
            }
            int flags = (mods.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                    | (mods.contains("m") ? Pattern.MULTILINE : 0) | (mods.contains("s") ? Pattern.DOTALL : 0);
            List<String> variants = List.of(text);
            if (mods.contains("windash")) {
                variants = windash(text, source, line, key);
            }
            List<ValueTest> out = new ArrayList<>();
            for (String v : variants) {
                try {
                    out.add(new ValueTest.Regex(Pattern.compile(v, flags)));
                } catch (PatternSyntaxException e) {
                    throw new SigmaException(Kind.VALUE, source, line, "invalid regular expression in '" + key
                            + "': " + e.getDescription() + " near index " + e.getIndex(), e);
                }
            }
            return anyOf(out);
        }

        // plain string: expand -> escapes/wildcards -> windash -> encodings (in order) -> contains/starts/ends
        boolean expand = mods.contains("expand");
        List<String> variants = new ArrayList<>();
        if (expand) {
            List<String> expanded = expand(text);
            if (expanded.isEmpty()) {
                warnings.add("unresolved placeholder in '" + key + "': " + text + " (never matches)");
                return new ValueTest.Never("unresolved placeholder " + text);
            }
            variants.addAll(expanded);
        } else {
            variants.add(parseWildcards(text));
        }
        boolean encoded = false;
        boolean binary = false;
        for (String m : mods) {
            List<String> next = new ArrayList<>();
            switch (m) {
                case "windash" -> {
                    for (String v : variants) {
                        next.addAll(windash(v, source, line, key));
                    }
                }
                case "wide", "utf16le", "utf16be", "utf16" -> {
                    for (String v : variants) {
                        requireLiteral(v, m, source, line, key);
                        byte[] b = switch (m) {
                            case "utf16be" -> v.getBytes(StandardCharsets.UTF_16BE);
                            case "utf16" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                                    v.getBytes(StandardCharsets.UTF_16LE));
                            default -> v.getBytes(StandardCharsets.UTF_16LE);
                        };
                        next.add(new String(b, StandardCharsets.ISO_8859_1));
                    }
                    binary = true;
                }
                case "base64", "base64offset" -> {
                    for (String v : variants) {
                        requireLiteral(v, m, source, line, key);
                        byte[] b = v.getBytes(binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                        if (m.equals("base64")) {
                            next.add(Base64.getEncoder().encodeToString(b));
                        } else {
                            next.addAll(base64offset(b));
                        }
                    }
                    encoded = true;
                    binary = false;
                }
                default -> next = variants;
            }
            variants = next;
            if (variants.size() > MAX_VARIANTS) {
                throw new SigmaException(Kind.VALUE, source, line, "too many value variants (" + variants.size()
                        + ") in '" + key + "'");
            }
        }
        List<ValueTest> out = new ArrayList<>(variants.size());
        for (String v : variants) {
            String p = switch (mode) {
                case CONTAINS -> STAR + v + STAR;
                case PREFIX -> v + STAR;
                case SUFFIX -> STAR + v;
                default -> v;
            };
            out.add(stringTest(p, cased || encoded));
        }
        return anyOf(out);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void requireLiteral(String v, String mod, String source, int line, String key) {
        if (v.indexOf(STAR) >= 0 || v.indexOf(QMARK) >= 0) {
            throw new SigmaException(Kind.VALUE, source, line, "wildcards cannot be combined with '" + mod
                    + "' in '" + key + "'");
        }
    }

    /** pySigma's base64offset (see {@link SigmaEncodings#base64offset(byte[])}). */
    static List<String> base64offset(byte[] value) {
        return SigmaEncodings.base64offset(value);
    }

    /**
     * Sigma escaping: {@code \*} and {@code \?} are literal, {@code \\} is one backslash, any other backslash is
     * literal; unescaped {@code *}/{@code ?} become the wildcard markers.
     */
    static String parseWildcards(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(i + 1);
                if (n == '*' || n == '?' || n == '\\') {
                    sb.append(n);
                    i++;
                    continue;
                }
                sb.append(c);
            } else if (c == '*') {
                sb.append(STAR);
            } else if (c == '?') {
                sb.append(QMARK);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Replaces each dash/slash that starts a word with every dash variant (pySigma semantics). */
    static List<String> windash(String v, String source, int line, String key) {
        Matcher m = WINDASH.matcher(v);
        List<Integer> positions = new ArrayList<>();
        while (m.find()) {
            positions.add(m.start());
        }
        if (positions.isEmpty()) {
            return List.of(v);
        }
        if (positions.size() > 5) {
            throw new SigmaException(Kind.VALUE, source, line, "too many windash positions in '" + key + "'");
        }
        List<String> out = new ArrayList<>();
        int n = positions.size();
        int total = (int) Math.pow(DASHES.length, n);
        for (int combo = 0; combo < total; combo++) {
            StringBuilder sb = new StringBuilder(v);
            int c = combo;
            // replace from the right so earlier indexes stay valid (all replacements are one char)
            for (int k = n - 1; k >= 0; k--) {
                int pos = positions.get(k);
                sb.replace(pos, pos + 1, DASHES[c % DASHES.length]);
                c /= DASHES.length;
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Expands %placeholder% values (each may be a wildcard pattern); empty when a placeholder is unknown. */
    private List<String> expand(String raw) {
        // protect escaped percent signs, then parse wildcards
        String prepared = parseWildcards(raw.replace("\\%", String.valueOf(PERCENT)));
        List<String> results = new ArrayList<>();
        results.add("");
        int last = 0;
        Matcher m = PLACEHOLDER.matcher(prepared);
        while (m.find()) {
            String literal = prepared.substring(last, m.start());
            List<String> values = placeholders.get(m.group(1));
            if (values == null || values.isEmpty()) {
                return List.of();
            }
            List<String> next = new ArrayList<>();
            for (String r : results) {
                for (String val : values) {
                    next.add(r + literal + parseWildcards(val));
                }
            }
            results = next;
            last = m.end();
        }
        String tail = prepared.substring(last);
        List<String> out = new ArrayList<>();
        for (String r : results) {
            out.add((r + tail).replace(PERCENT, '%'));
        }
        return out;
    }

    /** Turns a prepared pattern (with wildcard markers) into the cheapest equivalent test. */
    static ValueTest stringTest(String pattern, boolean cased) {
        String p = cased ? pattern : pattern.toLowerCase(Locale.ROOT);
        if (p.indexOf(QMARK) < 0) {
            int first = p.indexOf(STAR);
            if (first < 0) {
                return new ValueTest.Str(ValueTest.Mode.EQUALS, p, cased);
            }
            int start = 0;
            int end = p.length();
            while (start < end && p.charAt(start) == STAR) {
                start++;
            }
            while (end > start && p.charAt(end - 1) == STAR) {
                end--;
            }
            String core = p.substring(start, end);
            if (core.indexOf(STAR) < 0) {
                boolean lead = start > 0;
                boolean trail = end < p.length();
                if (core.isEmpty()) {
                    return new ValueTest.Str(ValueTest.Mode.ANY, "", cased);
                }
                ValueTest.Mode mode = lead && trail ? ValueTest.Mode.CONTAINS : lead ? ValueTest.Mode.SUFFIX
                        : ValueTest.Mode.PREFIX;
                return new ValueTest.Str(mode, core, cased);
            }
        }
        if (p.indexOf(QMARK) < 0) {
            boolean lead = p.charAt(0) == STAR;
            boolean trail = p.charAt(p.length() - 1) == STAR;
            List<String> parts = new ArrayList<>();
            for (String part : p.split(String.valueOf(STAR))) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return new ValueTest.Segments(parts.toArray(String[]::new), lead, trail, cased);
        }
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == STAR || c == QMARK) {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(c == STAR ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
        }
        return new ValueTest.Glob(Pattern.compile(re.toString(), Pattern.DOTALL), cased);
    }
}
