package soc.ingest.parse.support;

/** Small allocation-free string scanning helpers shared by the hand-written parsers. */
public final class Text {
    private Text() {
    }

    public static int firstNonBlank(String s, int from) {
        int i = from;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0' || c == '\uFEFF';
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when {@code s} has {@code prefix} at {@code at}. */
    public static boolean startsWith(String s, int at, String prefix) {
        return s.regionMatches(at, prefix, 0, prefix.length());
    }

    /** Parses a non-negative decimal int in [from, to), or -1 when it is not one (or overflows). */
    public static int parseUnsignedInt(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Parses a signed decimal long, or returns null when {@code s} is not one. */
    public static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n == 0 || n > 19 + 1) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i = 1;
            if (n == 1) {
                return null;
            }
        }
        long value = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return null;
            }
            long next = value * 10 - (c - '0');
            if (next > value) { // overflow (accumulating negatively)
                return null;
            }
            value = next;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                return null;
            }
            value = -value;
        }
        return value;
    }

    /** A printable rendering of one character for reasons. */
    public static String printable(char c) {
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
            return String.format("\\u%04x", (int) c);
        }
        return String.valueOf(c);
    }

    /** Cuts {@code s} to {@code max} characters (with "...") and makes control characters visible. */
    public static String abbreviate(String s, int max) {
        String cut = s.length() > max ? s.substring(0, max) + "..." : s;
        StringBuilder out = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(cut.length() + 8).append(cut, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? cut : out.toString();
    }

    /** Removes one pair of matching surrounding quotes ({@code "..."} or {@code '...'}). */
    public static String unquote(String s) {
        int n = s.length();
        if (n >= 2) {
            char first = s.charAt(0);
            if ((first == '"' || first == '\'') && s.charAt(n - 1) == first) {
                return s.substring(1, n - 1);
            }
        }
        return s;
    }

    /** ASCII lower-casing without locale surprises, returning {@code s} itself when already lower case. */
    public static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + 32);
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
