package soc.detect.sigma;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Extracts from a regular expression a literal that every match must contain, for the {@link Prefilter}. Purely
 * conservative: only top-level literal runs are used (groups, classes, escapes like {@code \d} and optional
 * characters end a run), a top-level alternation, comments mode or Unicode case folding give up. The literal is
 * returned lower-cased (the pre-filter searches the lower-cased value; ASCII letters lower-case context-free, so
 * a value containing the literal in any case contains its lower-case form).
 */
final class RegexLiteral {
    static final int MIN_LENGTH = 3;

    private RegexLiteral() {
    }

    /** The longest required ASCII literal of at least {@link #MIN_LENGTH} characters, lower-cased, or null. */
    static String required(Pattern pattern) {
        return required(pattern, MIN_LENGTH);
    }

    /** The longest required ASCII literal of at least {@code minLength} characters, lower-cased, or null. */
    static String required(Pattern pattern, int minLength) {
        if ((pattern.flags() & (Pattern.UNICODE_CASE | Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
            return null;
        }
        String p = pattern.pattern();
        String best = null;
        StringBuilder run = new StringBuilder();
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '|') {
                return null; // top-level alternation: no single required literal (kept simple)
            }
            if (c == '(') {
                if (i + 1 < n && p.charAt(i + 1) == '?') {
                    int j = i + 2;
                    while (j < n && Character.isLetter(p.charAt(j))) {
                        char f = p.charAt(j);
                        if (f == 'x' || f == 'u' || f == 'U') {
                            return null;
                        }
                        j++;
                    }
                }
                best = longer(best, run, minLength);
                i = skipQuantifier(p, skipGroup(p, i));
                continue;
            }
            if (c == '[') {
                best = longer(best, run, minLength);
                i = skipQuantifier(p, skipClass(p, i));
                continue;
            }
            char literal;
            int next;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char d = p.charAt(i + 1);
                if (Character.isLetterOrDigit(d)) {
                    // \d \w \s \b \Q \x41 \u0041 \p{..} \1 ...: not a plain literal; \Q..\E: stop here
                    best = longer(best, run, minLength);
                    if (d == 'Q' || d == 'p' || d == 'P' || d == 'x' || d == 'u' || d == 'c' || d == '0'
                            || d == 'N') {
                        return best;
                    }
                    i = skipQuantifier(p, i + 2);
                    continue;
                }
                literal = d;
                next = i + 2;
            } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == '*' || c == '+' || c == '?' || c == '{') {
                best = longer(best, run, minLength);
                i = skipQuantifier(p, i + 1);
                continue;
            } else {
                literal = c;
                next = i + 1;
            }
            if (literal >= 0x80) {
                best = longer(best, run, minLength);
                i = skipQuantifier(p, next);
                continue;
            }
            // quantifier after the literal?
            if (next < n) {
                char q = p.charAt(next);
                if (q == '*' || q == '?' || (q == '{' && minRepeat(p, next) == 0)) {
                    best = longer(best, run, minLength); // the character is optional
                    i = skipQuantifier(p, next);
                    continue;
                }
                if (q == '+' || q == '{') {
                    run.append(literal); // at least once, but the next character is not adjacent
                    best = longer(best, run, minLength);
                    i = skipQuantifier(p, next);
                    continue;
                }
            }
            run.append(literal);
            i = next;
        }
        return longer(best, run, minLength);
    }

    private static String longer(String best, StringBuilder run, int minLength) {
        String r = run.toString().toLowerCase(Locale.ROOT);
        run.setLength(0);
        if (r.length() < Math.max(1, minLength)) {
            return best;
        }
        return best == null || r.length() > best.length() ? r : best;
    }

    private static int minRepeat(String p, int brace) {
        int j = brace + 1;
        int v = 0;
        boolean digits = false;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            v = v * 10 + (p.charAt(j) - '0');
            digits = true;
            j++;
        }
        return digits ? v : 0;
    }

    /** Index after the quantifier (and its lazy/possessive suffix) at {@code i}, or {@code i} if none. */
    private static int skipQuantifier(String p, int i) {
        int n = p.length();
        if (i >= n) {
            return i;
        }
        char q = p.charAt(i);
        if (q == '*' || q == '+' || q == '?') {
            i++;
        } else if (q == '{') {
            int close = p.indexOf('}', i);
            if (close < 0) {
                return n;
            }
            i = close + 1;
        } else {
            return i;
        }
        if (i < n && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++;
        }
        return i;
    }

    /** Index after the group opened at {@code open}. */
    private static int skipGroup(String p, int open) {
        int depth = 0;
        int i = open;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = skipClass(p, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }

    /** Index after the character class opened at {@code open} (nested classes and escapes handled). */
    private static int skipClass(String p, int open) {
        int i = open + 1;
        int n = p.length();
        if (i < n && p.charAt(i) == '^') {
            i++;
        }
        if (i < n && p.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }
}
