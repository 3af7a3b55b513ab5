package soc.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import soc.detect.sigma.SigmaException.Kind;

/**
 * Recursive-descent parser for Sigma conditions: {@code and}, {@code or}, {@code not}, parentheses,
 * {@code 1 of pattern*}, {@code all of pattern*}, {@code N of ...}, {@code any of ...}, {@code them}. Precedence
 * (loosest first): or, and, not, x of, parentheses. Keywords are case-insensitive.
 * The deprecated Sigma 1.x aggregations ({@code | count() by x > 5}) and {@code near} are rejected.
 */
final class ConditionParser {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z0-9_\\-.*$@]+");

    private final String text;
    private final List<String> tokens;
    private final Map<String, ?> searches;
    private final Function<String, Node> resolve;
    private final String source;
    private final int line;
    private int pos;

    private ConditionParser(String text, Map<String, ?> searches, Function<String, Node> resolve, String source,
                            int line) {
        this.text = text;
        this.searches = searches;
        this.resolve = resolve;
        this.source = source;
        this.line = line;
        this.tokens = tokenize(text);
    }

    /**
     * @param searches the search identifiers (for {@code them} and patterns), in definition order
     * @param resolve  compiles one search identifier
     */
    static Node parse(String condition, Map<String, ?> searches, Function<String, Node> resolve, String source,
                      int line) {
        ConditionParser p = new ConditionParser(condition, searches, resolve, source, line);
        if (p.tokens.isEmpty()) {
            throw p.error("empty condition");
        }
        Node n = p.or();
        if (p.pos < p.tokens.size()) {
            throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return n;
    }

    private List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '|') {
                throw error("aggregation expressions ('| count() ...', Sigma 1.x) are not supported; "
                        + "use a correlation rule");
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()|".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                String tok = s.substring(i, j);
                if (!IDENT.matcher(tok).matches()) {
                    throw error("invalid token '" + tok + "'");
                }
                out.add(tok);
                i = j;
            }
        }
        return out;
    }

    private SigmaException error(String msg) {
        return new SigmaException(Kind.CONDITION, source, line, msg + " in condition '" + text + "'");
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean peekIs(String kw) {
        String t = peek();
        return t != null && t.equalsIgnoreCase(kw);
    }

    private Node or() {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (peekIs("or")) {
            pos++;
            parts.add(and());
        }
        return Node.or(parts.toArray(Node[]::new));
    }

    private Node and() {
        List<Node> parts = new ArrayList<>();
        parts.add(not());
        while (peekIs("and")) {
            pos++;
            parts.add(not());
        }
        return Node.and(parts.toArray(Node[]::new));
    }

    private Node not() {
        if (peekIs("not")) {
            pos++;
            return new Node.Not(not());
        }
        return primary();
    }

    private Node primary() {
        String t = peek();
        if (t == null) {
            throw error("unexpected end");
        }
        if (t.equals("(")) {
            pos++;
            Node n = or();
            if (!")".equals(peek())) {
                throw error("missing ')'");
            }
            pos++;
            return n;
        }
        if (t.equals(")")) {
            throw error("unexpected ')'");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (pos + 1 < tokens.size() && tokens.get(pos + 1).equalsIgnoreCase("of")
                && (lower.equals("all") || lower.equals("any") || lower.matches("\\d+"))) {
            pos += 2;
            String target = peek();
            if (target == null || target.equals("(") || target.equals(")")) {
                throw error("'" + t + " of' needs a search identifier pattern or 'them'");
            }
            pos++;
            return quantified(lower, target);
        }
        if (lower.equals("and") || lower.equals("or") || lower.equals("of")) {
            throw error("unexpected '" + t + "'");
        }
        if (lower.equals("near")) {
            throw error("'near' (Sigma 1.x) is not supported");
        }
        pos++;
        if (!searches.containsKey(t)) {
            throw error("unknown search identifier '" + t + "'");
        }
        return resolve.apply(t);
    }

    private Node quantified(String quantifier, String target) {
        List<Node> nodes = new ArrayList<>();
        if (target.equalsIgnoreCase("them")) {
            for (String id : searches.keySet()) {
                if (!id.startsWith("_")) {
                    nodes.add(resolve.apply(id));
                }
            }
        } else {
            Pattern p = Pattern.compile(globToRegex(target));
            for (String id : searches.keySet()) {
                if (p.matcher(id).matches()) {
                    nodes.add(resolve.apply(id));
                }
            }
        }
        if (nodes.isEmpty()) {
            throw error("'" + quantifier + " of " + target + "' matches no search identifier");
        }
        Node[] arr = nodes.toArray(Node[]::new);
        if (quantifier.equals("all")) {
            return Node.and(arr);
        }
        int n = quantifier.equals("any") ? 1 : Integer.parseInt(quantifier);
        if (n <= 1) {
            return Node.or(arr);
        }
        return new Node.AtLeast(n, arr);
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(".*");
            }
            if (!parts[i].isEmpty()) {
                sb.append(Pattern.quote(parts[i]));
            }
        }
        return sb.toString();
    }
}
