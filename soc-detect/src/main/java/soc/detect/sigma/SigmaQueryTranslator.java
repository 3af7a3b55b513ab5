package soc.detect.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a Sigma detection rule into an OpenSearch query over the normalised event indices (soc-web's retro-hunt,
 * the scheduled-query strategy of {@code DetectionBenchmark}), using
 * the same field mapping and logsource routing as the streaming engine. Strings are {@code keyword} fields
 * (docs/schema.md), so Sigma's case-insensitive matching uses {@code case_insensitive} term, prefix, wildcard and
 * regexp queries; {@code message} is analysed {@code text}: any string test on it, and keywords (unkeyed values),
 * become a {@code match_phrase} of the value's words (so {@code contains}/{@code startswith} match at word boundaries
 * only, case-insensitively).
 *
 * <p>Unsupported (the rule is refused with the reason): {@code fieldref}, {@code expand} (placeholders),
 * {@code wide}/{@code utf16*}, the time-part modifiers ({@code minute}...{@code year}), and conditions with the
 * deprecated aggregations. Approximations: {@code windash} replaces every dash position by the same character
 * (not every combination); {@code re} runs as a Lucene regular expression, which is anchored (the translation adds
 * {@code .*} around it unless it starts with {@code ^} / ends with {@code $}) and has no look-arounds, back-references
 * or {@code \d}-style classes. Framework-free.
 */
public final class SigmaQueryTranslator {
    private static final Set<String> UNSUPPORTED = Set.of("fieldref", "expand", "wide", "utf16", "utf16le",
            "utf16be", "minute", "hour", "day", "week", "month", "year");
    private static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "re", "i", "m", "s",
            "cidr", "base64", "base64offset", "windash", "exists", "lt", "lte", "gt", "gte", "neq", "cased");
    /** Fields the index template maps as {@code ip}: no wildcard or case-insensitive queries on them. */
    private static final Set<String> IP_FIELDS = Set.of("source.ip", "destination.ip");
    /** Fields the index template maps as analysed {@code text}: matched as phrases. */
    private static final Set<String> TEXT_FIELDS = Set.of("message");
    private static final Pattern WINDASH = Pattern.compile("\\B[-/]\\b");
    private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final FieldMapping mapping;
    private final LogsourceRouting routing;

    public SigmaQueryTranslator() {
        this(FieldMapping.defaults(), LogsourceRouting.defaults());
    }

    public SigmaQueryTranslator(FieldMapping mapping, LogsourceRouting routing) {
        this.mapping = mapping;
        this.routing = routing;
    }

    /** A rule the translation cannot express; the message says why. */
    public static final class UnsupportedRuleException extends RuntimeException {
        public UnsupportedRuleException(String message) {
            super(message);
        }
    }

    /** The OpenSearch query (the value of {@code "query"}) matching the rule's events, logsource included. */
    public Map<String, Object> translate(SigmaRule rule) {
        Logsource ls = rule.logsource();
        List<Object> conditions = new ArrayList<>();
        for (String condition : rule.detection().conditions()) {
            conditions.add(new Condition(condition, rule.detection().searches(), ls).parse());
        }
        Map<String, Object> detection = conditions.size() == 1 ? asMap(conditions.get(0)) : bool("should", conditions);
        List<Object> filters = new ArrayList<>();
        for (Object part : routing.conditions(ls)) {
            filters.add(search(part, null, "logsource"));
        }
        if (filters.isEmpty()) {
            return detection;
        }
        filters.add(0, detection);
        return bool("filter", filters);
    }

    // ------------------------------------------------------------------------------------------ searches

    /** A search identifier's value: map (AND of fields), list (OR of maps or keywords) or a keyword. */
    @SuppressWarnings("unchecked")
    Map<String, Object> search(Object value, Logsource ls, String name) {
        if (value instanceof Map<?, ?> map) {
            List<Object> must = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                must.add(field(String.valueOf(e.getKey()), e.getValue(), ls));
            }
            return must.size() == 1 ? asMap(must.get(0)) : bool("filter", must);
        }
        if (value instanceof List<?> list) {
            List<Object> should = new ArrayList<>();
            for (Object item : list) {
                should.add(item instanceof Map<?, ?> ? search(item, ls, name) : keyword(String.valueOf(item), false));
            }
            return should.size() == 1 ? asMap(should.get(0)) : bool("should", should);
        }
        if (value == null) {
            throw new UnsupportedRuleException("search identifier '" + name + "' is empty");
        }
        return keyword(String.valueOf(value), false);
    }

    private Map<String, Object> field(String key, Object value, Logsource ls) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0].trim();
        List<String> mods = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String m = parts[i].trim().toLowerCase(Locale.ROOT);
            if (UNSUPPORTED.contains(m)) {
                throw new UnsupportedRuleException("modifier '" + m + "' (in '" + key + "') cannot be translated to "
                        + "an OpenSearch query");
            }
            if (!KNOWN.contains(m)) {
                throw new UnsupportedRuleException("unknown modifier '" + m + "' in '" + key + "'");
            }
            mods.add(m);
        }
        List<?> values = value instanceof List<?> l ? l : java.util.Collections.singletonList(value);
        boolean all = mods.contains("all");
        if (field.isEmpty()) {
            List<Object> kws = new ArrayList<>();
            for (Object v : values) {
                kws.add(keyword(String.valueOf(v), mods.contains("cased")));
            }
            return bool(all ? "filter" : "should", kws);
        }
        List<String> keys = ls == null ? List.of(field) : mapping.resolve(ls, field);
        List<Object> perKey = new ArrayList<>();
        for (String k : keys) {
            perKey.add(fieldOnKey(k, values, mods, all));
        }
        Map<String, Object> q = perKey.size() == 1 ? asMap(perKey.get(0)) : bool("should", perKey);
        return mods.contains("neq") ? bool("must_not", List.of(q)) : q;
    }

    private Map<String, Object> fieldOnKey(String key, List<?> values, List<String> mods, boolean all) {
        if (mods.contains("exists")) {
            boolean wanted = Boolean.parseBoolean(String.valueOf(values.get(0)));
            Map<String, Object> exists = Map.of("exists", Map.of("field", key));
            return wanted ? exists : bool("must_not", List.of(exists));
        }
        List<Object> tests = new ArrayList<>();
        for (Object v : values) {
            if (v == null) {
                tests.add(bool("must_not", List.of(Map.of("exists", Map.of("field", key)))));
            } else {
                tests.add(value(key, v, mods));
            }
        }
        return tests.size() == 1 ? asMap(tests.get(0)) : bool(all ? "filter" : "should", tests);
    }

    private Map<String, Object> value(String key, Object raw, List<String> mods) {
        String text = raw instanceof String s ? s : String.valueOf(raw);
        for (String cmp : List.of("lt", "lte", "gt", "gte")) {
            if (mods.contains(cmp)) {
                return Map.of("range", Map.of(key, Map.of(cmp, raw instanceof Number ? raw : text)));
            }
        }
        if (mods.contains("cidr")) {
            return Map.of("term", Map.of(key, Map.of("value", text)));
        }
        boolean cased = mods.contains("cased");
        if (mods.contains("re")) {
            String p = text;
            p = p.startsWith("^") ? p.substring(1) : ".*" + p;
            p = p.endsWith("$") && !p.endsWith("\\$") ? p.substring(0, p.length() - 1) : p + ".*";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", p);
            if (mods.contains("i")) {
                body.put("case_insensitive", true);
            }
            return Map.of("regexp", Map.of(key, body));
        }
        List<String> variants = new ArrayList<>();
        variants.add(text);
        if (mods.contains("windash")) {
            variants = windash(text);
        }
        boolean encoded = false;
        if (mods.contains("base64") || mods.contains("base64offset")) {
            List<String> next = new ArrayList<>();
            for (String v : variants) {
                if (hasWildcard(v)) {
                    throw new UnsupportedRuleException("wildcards cannot be combined with base64 in '" + text + "'");
                }
                byte[] bytes = unescape(v).getBytes(StandardCharsets.UTF_8);
                if (mods.contains("base64")) {
                    next.add(escapeWildcards(Base64.getEncoder().encodeToString(bytes)));
                } else {
                    base64offset(bytes).forEach(b -> next.add(escapeWildcards(b)));
                }
            }
            variants = next;
            encoded = true;
        }
        String mode = mods.contains("contains") ? "contains" : mods.contains("startswith") ? "startswith"
                : mods.contains("endswith") ? "endswith" : "equals";
        List<Object> tests = new ArrayList<>();
        for (String v : variants) {
            tests.add(string(key, v, mode, cased || encoded));
        }
        return tests.size() == 1 ? asMap(tests.get(0)) : bool("should", tests);
    }

    /** A Sigma string (with * ? wildcards and \ escapes) on a keyword field. */
    Map<String, Object> string(String key, String sigma, String mode, boolean cased) {
        if (TEXT_FIELDS.contains(key)) {
            // analysed text: a phrase of the value's words (wildcards dropped), whatever the string modifier
            return Map.of("match_phrase", Map.of(key, unescape(sigma).replace("*", " ").replace("?", " ").trim()));
        }
        String pattern = switch (mode) {
            case "contains" -> "*" + sigma + "*";
            case "startswith" -> sigma + "*";
            case "endswith" -> "*" + sigma;
            default -> sigma;
        };
        boolean insensitive = !cased && LETTER.matcher(sigma).find() && !IP_FIELDS.contains(key);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!hasWildcard(pattern)) {
            Object value = unescape(pattern);
            if (!insensitive && raw(pattern).matches("-?\\d{1,18}")) {
                value = Long.parseLong(raw(pattern));
            }
            body.put("value", value);
            if (insensitive) {
                body.put("case_insensitive", true);
            }
            return Map.of("term", Map.of(key, body));
        }
        body.put("value", toLuceneWildcard(pattern));
        if (insensitive) {
            body.put("case_insensitive", true);
        }
        return Map.of("wildcard", Map.of(key, body));
    }

    /** An unkeyed value: a phrase in the message, or a substring of the command line. */
    private Map<String, Object> keyword(String value, boolean cased) {
        String plain = unescape(value).replace("*", " ").replace("?", " ").trim();
        List<Object> should = new ArrayList<>();
        should.add(Map.of("match_phrase", Map.of("message", plain)));
        should.add(string("process.command_line", value, "contains", cased));
        return bool("should", should);
    }

    // ------------------------------------------------------------------------------------------ conditions

    /** Recursive descent over a Sigma condition: or, and, not, parentheses, 1 of / all of pattern, them. */
    private final class Condition {
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, Object> searches;
        private final Logsource ls;
        private final String text;
        private int pos;

        Condition(String text, Map<String, Object> searches, Logsource ls) {
            this.text = text;
            this.searches = searches;
            this.ls = ls;
            if (text.contains("|")) {
                throw new UnsupportedRuleException("aggregations in conditions are not supported: " + text);
            }
            Matcher m = Pattern.compile("\\(|\\)|[^\\s()]+").matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }

        Map<String, Object> parse() {
            Map<String, Object> q = or();
            if (pos < tokens.size()) {
                throw new UnsupportedRuleException("unexpected '" + tokens.get(pos) + "' in condition: " + text);
            }
            return q;
        }

        private boolean peek(String word) {
            return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
        }

        private Map<String, Object> or() {
            List<Object> parts = new ArrayList<>(List.of(and()));
            while (peek("or")) {
                pos++;
                parts.add(and());
            }
            return parts.size() == 1 ? asMap(parts.get(0)) : bool("should", parts);
        }

        private Map<String, Object> and() {
            List<Object> parts = new ArrayList<>(List.of(not()));
            while (peek("and")) {
                pos++;
                parts.add(not());
            }
            return parts.size() == 1 ? asMap(parts.get(0)) : bool("filter", parts);
        }

        private Map<String, Object> not() {
            if (peek("not")) {
                pos++;
                return bool("must_not", List.of(not()));
            }
            return primary();
        }

        private Map<String, Object> primary() {
            if (pos >= tokens.size()) {
                throw new UnsupportedRuleException("incomplete condition: " + text);
            }
            String t = tokens.get(pos++);
            if (t.equals("(")) {
                Map<String, Object> q = or();
                if (!peek(")")) {
                    throw new UnsupportedRuleException("missing ')' in condition: " + text);
                }
                pos++;
                return q;
            }
            if ((t.equalsIgnoreCase("all") || t.equalsIgnoreCase("any") || t.matches("\\d+")) && peek("of")) {
                pos++;
                if (pos >= tokens.size()) {
                    throw new UnsupportedRuleException("'of' without a pattern in condition: " + text);
                }
                String pattern = tokens.get(pos++);
                List<Object> parts = new ArrayList<>();
                for (String id : searches.keySet()) {
                    if (pattern.equalsIgnoreCase("them") ? !id.startsWith("_") : matchesPattern(id, pattern)) {
                        parts.add(search(searches.get(id), ls, id));
                    }
                }
                if (parts.isEmpty()) {
                    throw new UnsupportedRuleException("no search identifier matches '" + pattern + "'");
                }
                if (t.equalsIgnoreCase("all")) {
                    return parts.size() == 1 ? asMap(parts.get(0)) : bool("filter", parts);
                }
                Map<String, Object> should = bool("should", parts);
                if (t.matches("\\d+") && Integer.parseInt(t) > 1) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> b = new LinkedHashMap<>((Map<String, Object>) should.get("bool"));
                    b.put("minimum_should_match", Integer.parseInt(t));
                    return Map.of("bool", b);
                }
                return should;
            }
            if (!searches.containsKey(t)) {
                throw new UnsupportedRuleException("unknown search identifier '" + t + "' in condition: " + text);
            }
            return search(searches.get(t), ls, t);
        }
    }

    private static boolean matchesPattern(String id, String pattern) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return id.matches(regex);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Map<String, Object> bool(String occur, List<Object> clauses) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(occur, List.copyOf(clauses));
        if (occur.equals("should")) {
            b.put("minimum_should_match", 1);
        }
        return Map.of("bool", b);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static boolean hasWildcard(String sigma) {
        for (int i = 0; i < sigma.length(); i++) {
            char c = sigma.charAt(i);
            if (c == '\\' && i + 1 < sigma.length()) {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** Sigma escapes removed: {@code \*} {@code \?} {@code \\} become literal characters. */
    static String unescape(String sigma) {
        StringBuilder sb = new StringBuilder(sigma.length());
        for (int i = 0; i < sigma.length(); i++) {
            char c = sigma.charAt(i);
            if (c == '\\' && i + 1 < sigma.length() && "*?\\".indexOf(sigma.charAt(i + 1)) >= 0) {
                sb.append(sigma.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String raw(String sigma) {
        return unescape(sigma);
    }

    /** Sigma wildcard pattern to Lucene wildcard syntax (same * and ?, backslash escapes). */
    static String toLuceneWildcard(String sigma) {
        StringBuilder sb = new StringBuilder(sigma.length() + 4);
        for (int i = 0; i < sigma.length(); i++) {
            char c = sigma.charAt(i);
            if (c == '\\' && i + 1 < sigma.length() && "*?\\".indexOf(sigma.charAt(i + 1)) >= 0) {
                sb.append('\\').append(sigma.charAt(++i));
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escapeWildcards(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    private static List<String> windash(String v) {
        Matcher m = WINDASH.matcher(v);
        if (!m.find()) {
            return List.of(v);
        }
        List<String> out = new ArrayList<>();
        for (String dash : DASHES) {
            out.add(WINDASH.matcher(v).replaceAll(Matcher.quoteReplacement(dash)));
        }
        return out;
    }

    /** pySigma's base64offset, exactly as the streaming matcher encodes it. */
    static List<String> base64offset(byte[] value) {
        return SigmaEncodings.base64offset(value);
    }
}
