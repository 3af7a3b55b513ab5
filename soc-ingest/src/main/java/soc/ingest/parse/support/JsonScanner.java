package soc.ingest.parse.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link Json#readObject}: a strict JSON object reader on a per-thread copy of the text's
 * characters (plain loops over a {@code char[]}, strings cut out in one copy, escapes decoded in place), with a
 * small bounded cache of canonical key strings, so the same field names are neither rebuilt nor rehashed for every
 * event. It replaces Jackson's streaming parser for the common case; Jackson remains the reference.
 *
 * <p>It accepts only a plain subset of what Jackson accepts and builds exactly what Jackson's tree builder
 * ({@link Json#readTree}) builds for it: {@link LinkedHashMap} objects (a repeated key keeps its first position and
 * the last value), {@link ArrayList} arrays, {@code String}, {@code Integer}/{@code Long} (whole numbers that fit a
 * {@code long}, typed as Jackson types them: {@code Integer} when the value fits an {@code int}), {@code Double},
 * {@code Boolean} and {@code null}. For anything else (invalid input, whole numbers beyond a {@code long}, keys
 * over {@value #MAX_KEY_LENGTH} or numbers over {@value #MAX_NUMBER_LENGTH} characters, nesting deeper than
 * {@value #MAX_DEPTH}) {@link #read} returns {@code null} and the caller falls back to Jackson, so values and
 * rejection reasons are unchanged. Thread-safe: the key cache is shared but racy-benign (it only ever holds
 * complete, immutable entries, and a lost or overwritten entry just costs a new string).
 */
final class JsonScanner {
    /** Nesting deeper than this is left to Jackson (which enforces the platform's read constraints). */
    static final int MAX_DEPTH = 64;
    /** Keys longer than this are left to Jackson (its name-length constraint is far larger). */
    static final int MAX_KEY_LENGTH = 256;
    /** Numbers longer than this are left to Jackson (its number-length constraint is larger). */
    static final int MAX_NUMBER_LENGTH = 64;

    private static final int KEY_CACHE_SIZE = 4096;
    /** Canonical keys by hash slot; bounded, an attacker's keys can only evict each other. */
    private static final Key[] KEYS = new Key[KEY_CACHE_SIZE];
    /** Per-thread character buffer for documents up to this size (larger ones get their own array). */
    private static final int BUFFER_LIMIT = 64 * 1024;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[4096]);

    private record Key(String string, char[] chars) {
    }

    /** Thrown (without a stack trace) when the input leaves the supported subset. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    /** The document's characters; escaped strings are decoded in place (a decoded string is never longer). */
    private final char[] c;
    private final int n;
    private int i;
    private int depth;

    private JsonScanner(char[] c, int n) {
        this.c = c;
        this.n = n;
    }

    /** The object {@code text} holds (only whitespace around it), or null when Jackson must decide. */
    static Map<String, Object> read(String text) {
        int n = text.length();
        char[] chars;
        if (n <= BUFFER_LIMIT) {
            chars = BUFFER.get();
            if (chars.length < n + 1) {
                chars = new char[Math.max(n + 1, chars.length * 2)];
                BUFFER.set(chars);
            }
        } else {
            chars = new char[n + 1];
        }
        text.getChars(0, n, chars, 0);
        chars[n] = 0; // sentinel: no token continues past the end
        JsonScanner scanner = new JsonScanner(chars, n);
        try {
            scanner.skipWhitespace();
            if (scanner.i >= n || chars[scanner.i] != '{') {
                return null;
            }
            scanner.i++;
            // presized by the text's length (events average one member per 20-30 characters)
            Map<String, Object> root = scanner.object(new LinkedHashMap<>(Math.max(16, Math.min(n / 16, 512))));
            scanner.skipWhitespace();
            return scanner.i == n ? root : null;
        } catch (Unsupported | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static Unsupported unsupported() {
        return UNSUPPORTED;
    }

    private void skipWhitespace() {
        char[] c = this.c;
        int i = this.i;
        while (i < n) {
            char ch = c[i];
            if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
                i++;
            } else {
                break;
            }
        }
        this.i = i;
    }

    /** The character at {@code i}, failing at the end of the document. */
    private char at() {
        if (i >= n) {
            throw unsupported();
        }
        return c[i];
    }

    /** Members of an object whose '{' was consumed, up to and including its '}'. */
    private Map<String, Object> object(Map<String, Object> map) {
        if (++depth > MAX_DEPTH) {
            throw unsupported();
        }
        skipWhitespace();
        if (at() == '}') {
            i++;
            depth--;
            return map;
        }
        while (true) {
            if (at() != '"') {
                throw unsupported();
            }
            i++;
            String key = key();
            skipWhitespace();
            if (at() != ':') {
                throw unsupported();
            }
            i++;
            skipWhitespace();
            map.put(key, value());
            skipWhitespace();
            char ch = at();
            i++;
            if (ch == '}') {
                depth--;
                return map;
            }
            if (ch != ',') {
                throw unsupported();
            }
            skipWhitespace();
        }
    }

    /** Elements of an array whose '[' was consumed, up to and including its ']'. */
    private List<Object> array() {
        if (++depth > MAX_DEPTH) {
            throw unsupported();
        }
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (at() == ']') {
            i++;
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            skipWhitespace();
            char ch = at();
            i++;
            if (ch == ']') {
                depth--;
                return list;
            }
            if (ch != ',') {
                throw unsupported();
            }
            skipWhitespace();
        }
    }

    private Object value() {
        char ch = at();
        switch (ch) {
            case '"':
                i++;
                return string();
            case '{':
                i++;
                return object(new LinkedHashMap<>());
            case '[':
                i++;
                return array();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    return number();
                }
                throw unsupported();
        }
    }

    private void literal(String word) {
        int length = word.length();
        if (i + length > n) {
            throw unsupported();
        }
        for (int k = 0; k < length; k++) {
            if (c[i + k] != word.charAt(k)) {
                throw unsupported();
            }
        }
        i += length;
    }

    /** A key whose opening quote was consumed; plain keys come from the canonical key cache. */
    private String key() {
        char[] c = this.c;
        int start = i;
        int end = start;
        int h = 0;
        char ch;
        while ((ch = c[end]) != '"') { // the sentinel after the text stops this loop (as a control character)
            if (ch == '\\' || ch < 0x20) {
                String escaped = string();
                if (escaped.length() > MAX_KEY_LENGTH) {
                    throw unsupported();
                }
                return escaped;
            }
            h = 31 * h + ch;
            end++;
        }
        int length = end - start;
        i = end + 1;
        if (length > MAX_KEY_LENGTH) {
            throw unsupported();
        }
        int slot = (h ^ (h >>> 12)) & (KEY_CACHE_SIZE - 1);
        Key cached = KEYS[slot];
        if (cached != null && Arrays.equals(c, start, end, cached.chars(), 0, cached.chars().length)) {
            return cached.string();
        }
        String key = new String(c, start, length);
        KEYS[slot] = new Key(key, Arrays.copyOfRange(c, start, end));
        return key;
    }

    /** The end of the run of plain string characters from {@code k} (stops at the sentinel too). */
    private static int plainRun(char[] c, int k) {
        char ch;
        while ((ch = c[k]) != '"' && ch != '\\' && ch >= 0x20) {
            k++;
        }
        return k;
    }

    /** A string whose opening quote was consumed, up to and including its closing quote. */
    private String string() {
        char[] c = this.c;
        int start = i;
        int k = plainRun(c, start);
        char ch = c[k];
        if (ch == '"') {
            i = k + 1;
            return new String(c, start, k - start);
        }
        if (ch == '\\') {
            return escapedString(start, k);
        }
        throw unsupported(); // unescaped control character (Jackson rejects it) or the end of the text
    }

    /**
     * The rest of a string from its first backslash (at {@code k}); {@code start} is its first character. The
     * decoded characters are written back over the consumed ones (the write position never passes the read one).
     */
    private String escapedString(int start, int k) {
        char[] c = this.c;
        int out = k;
        while (true) {
            // c[k] is a backslash
            char e = c[k + 1];
            if (e == 'u') {
                if (k + 6 > n) {
                    throw unsupported();
                }
                c[out++] = (char) ((hex(c[k + 2]) << 12) | (hex(c[k + 3]) << 8) | (hex(c[k + 4]) << 4) | hex(c[k + 5]));
                k += 6;
            } else {
                c[out++] = switch (e) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '/' -> '/';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> throw unsupported(); // includes the sentinel: a backslash ending the text
                };
                k += 2;
            }
            int end = plainRun(c, k);
            System.arraycopy(c, k, c, out, end - k);
            out += end - k;
            k = end;
            char ch = c[k];
            if (ch == '"') {
                i = k + 1;
                return new String(c, start, out - start);
            }
            if (ch != '\\') {
                throw unsupported();
            }
        }
    }

    private static int hex(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        throw unsupported();
    }

    /** A JSON number at {@code i} (strict grammar): an Integer or Long (at most 19 digits), or a Double. */
    private Object number() {
        char[] c = this.c;
        int start = i;
        int k = start;
        boolean negative = c[k] == '-';
        if (negative) {
            k++;
        }
        int digitsStart = k;
        char ch = k < n ? c[k] : 0;
        if (ch == '0') {
            k++;
        } else if (ch >= '1' && ch <= '9') {
            while (k < n && isDigit(c[k])) {
                k++;
            }
        } else {
            throw unsupported();
        }
        int digits = k - digitsStart;
        i = k;
        if (!fraction()) {
            if (digits <= 18) {
                long value = 0;
                for (int d = digitsStart; d < k; d++) {
                    value = value * 10 + (c[d] - '0');
                }
                long signed = negative ? -value : value;
                return signed == (int) signed ? (Object) Integer.valueOf((int) signed) : (Object) Long.valueOf(signed);
            }
            if (digits == 19) {
                return Long.valueOf(longValue(start, k));
            }
            throw unsupported(); // Jackson makes it a BigInteger
        }
        return decimal(start);
    }

    /** A 19-digit whole number that fits a long (else Jackson makes it a BigInteger). */
    private long longValue(int start, int end) {
        try {
            return Long.parseLong(new String(c, start, end - start));
        } catch (NumberFormatException e) {
            throw unsupported();
        }
    }

    /** True when a fraction or exponent starts at {@code i}. */
    private boolean fraction() {
        if (i >= n) {
            return false;
        }
        char ch = c[i];
        return ch == '.' || ch == 'e' || ch == 'E';
    }

    /** The rest of a number with a fraction and/or exponent (at {@code i}), as a double. */
    private Object decimal(int start) {
        if (c[i] == '.') {
            i++;
            int from = i;
            while (i < n && isDigit(c[i])) {
                i++;
            }
            if (i == from) {
                throw unsupported();
            }
        }
        if (i < n && (c[i] == 'e' || c[i] == 'E')) {
            i++;
            if (i < n && (c[i] == '+' || c[i] == '-')) {
                i++;
            }
            int from = i;
            while (i < n && isDigit(c[i])) {
                i++;
            }
            if (i == from) {
                throw unsupported();
            }
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw unsupported();
        }
        return Double.valueOf(Double.parseDouble(new String(c, start, i - start)));
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
