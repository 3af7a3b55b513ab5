package soc.detect.sigma;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A precompiled test of one event value (true when any of the value's string forms passes). */
abstract class ValueTest {

    abstract boolean test(EventValue v, EventContext ctx);

    /** Rough relative evaluation cost, used to evaluate cheap tests first. */
    abstract int cost();

    // ---------------------------------------------------------------- strings

    enum Mode { EQUALS, PREFIX, SUFFIX, CONTAINS, ANY }

    /** Literal string test; the needle is lower-cased at compile time unless {@code cased}. */
    static final class Str extends ValueTest {
        final Mode mode;
        final String needle;
        final boolean cased;

        Str(Mode mode, String needle, boolean cased) {
            this.mode = mode;
            this.needle = needle;
            this.cased = cased;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            String[] forms = cased ? v.strings : v.lower();
            for (String s : forms) {
                if (check(s)) {
                    return true;
                }
            }
            return false;
        }

        boolean check(String s) {
            return switch (mode) {
                case EQUALS -> s.equals(needle);
                case PREFIX -> s.startsWith(needle);
                case SUFFIX -> s.endsWith(needle);
                case CONTAINS -> s.contains(needle);
                case ANY -> true;
            };
        }

        @Override
        int cost() {
            return mode == Mode.CONTAINS ? 4 : 1;
        }

        @Override
        public String toString() {
            return mode + (cased ? "(cased)" : "") + "'" + needle + "'";
        }
    }

    /** Case-insensitive (or cased) equality against a set of values: one hash look-up per string form. */
    static final class EqSet extends ValueTest {
        final Set<String> values;
        final boolean cased;

        EqSet(Set<String> values, boolean cased) {
            this.values = new HashSet<>(values);
            this.cased = cased;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            for (String s : cased ? v.strings : v.lower()) {
                if (values.contains(s)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return 2;
        }
    }

    /** A wildcard pattern with inner * or ?, compiled once to a regular expression (whole-value match). */
    static final class Glob extends ValueTest {
        final Pattern pattern;
        final boolean cased;

        Glob(Pattern pattern, boolean cased) {
            this.pattern = pattern;
            this.cased = cased;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            for (String s : cased ? v.strings : v.lower()) {
                if (pattern.matcher(s).matches()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return 10;
        }

        @Override
        public String toString() {
            return "GLOB/" + pattern + "/";
        }
    }

    /**
     * A wildcard pattern with inner {@code *} only (no {@code ?}): literal segments matched left to right with
     * {@link String#indexOf}, linear time, no regex backtracking.
     */
    static final class Segments extends ValueTest {
        final String[] parts;
        final boolean leadingStar;
        final boolean trailingStar;
        final boolean cased;

        Segments(String[] parts, boolean leadingStar, boolean trailingStar, boolean cased) {
            this.parts = parts;
            this.leadingStar = leadingStar;
            this.trailingStar = trailingStar;
            this.cased = cased;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            for (String s : cased ? v.strings : v.lower()) {
                if (matches(s)) {
                    return true;
                }
            }
            return false;
        }

        boolean matches(String s) {
            int n = parts.length;
            int pos = 0;
            int end = s.length();
            int first = 0;
            int last = n - 1;
            if (!leadingStar) {
                if (!s.startsWith(parts[0])) {
                    return false;
                }
                pos = parts[0].length();
                first = 1;
            }
            if (!trailingStar) {
                String tail = parts[n - 1];
                if (end - tail.length() < pos || !s.endsWith(tail)) {
                    return false;
                }
                end -= tail.length();
                last = n - 2;
            }
            for (int i = first; i <= last; i++) {
                int at = s.indexOf(parts[i], pos);
                if (at < 0 || at + parts[i].length() > end) {
                    return false;
                }
                pos = at + parts[i].length();
            }
            return true;
        }

        @Override
        int cost() {
            return 6;
        }
    }

    /** {@code re}: Java regex (PCRE subset of the spec), searched anywhere in the original (not lower-cased) value. */
    static final class Regex extends ValueTest {
        final Pattern pattern;
        /**
         * A literal every match contains (lower-cased, possibly a single character such as the backtick of the
         * PowerShell obfuscation rules), or null: a value without it is refused by one {@code contains} instead of
         * an unanchored {@code find()}, which costs O(n²) on long values for patterns like {@code \w+`...}.
         */
        private final String gate;

        Regex(Pattern pattern) {
            this.pattern = pattern;
            this.gate = RegexLiteral.required(pattern, 1);
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            String[] lower = gate == null ? null : v.lower();
            for (int i = 0; i < v.strings.length; i++) {
                if (lower != null && !lower[i].contains(gate)) {
                    continue; // lower-casing keeps every ASCII character in place, so no match is possible
                }
                if (pattern.matcher(v.strings[i]).find()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return 20;
        }

        @Override
        public String toString() {
            return "RE/" + pattern + "/";
        }
    }

    /**
     * A case-insensitive {@code contains} answered by the field's {@link NeedleIndex}: the field is scanned once per
     * event for all needles, then each test is an array look-up.
     */
    static final class Needle extends ValueTest {
        final int index;
        final int id;
        final boolean keyword;
        final String needle;

        Needle(int index, int id, boolean keyword, String needle) {
            this.index = index;
            this.id = id;
            this.keyword = keyword;
            this.needle = needle;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            return ctx.needleHit(index, id, keyword ? null : v);
        }

        @Override
        int cost() {
            return 2;
        }

        @Override
        public String toString() {
            return "NEEDLE'" + needle + "'";
        }
    }

    /** OR (or AND, {@code all}) of several needles of one index: one call, a tight loop over ids. */
    static final class NeedleSet extends ValueTest {
        final int index;
        final int[] ids;
        final boolean all;
        final boolean keyword;

        NeedleSet(int index, int[] ids, boolean all, boolean keyword) {
            this.index = index;
            this.ids = ids;
            this.all = all;
            this.keyword = keyword;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            return all ? ctx.allNeedlesHit(index, ids, keyword ? null : v)
                    : ctx.anyNeedleHit(index, ids, keyword ? null : v);
        }

        @Override
        int cost() {
            return 2;
        }
    }

    /**
     * A test that can only pass when a literal it requires occurs in the (lower-cased, or cased) value: the
     * literal's bit in the field's {@link NeedleIndex} is checked first (the field is scanned once per event),
     * so suffix/prefix lists, wildcard patterns and regular expressions run only on values that contain their
     * literal.
     */
    static final class Gated extends ValueTest {
        final int index;
        final int id;
        final ValueTest inner;

        Gated(int index, int id, ValueTest inner) {
            this.index = index;
            this.id = id;
            this.inner = inner;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            return ctx.needleHit(index, id, v) && inner.test(v, ctx);
        }

        @Override
        int cost() {
            return 2;
        }

        @Override
        public String toString() {
            return "GATED[" + inner + "]";
        }
    }

    // ---------------------------------------------------------------- combinators

    static final class AnyOf extends ValueTest {
        final ValueTest[] tests;
        private final int cost;

        AnyOf(ValueTest[] tests) {
            this.tests = tests;
            int c = 0;
            for (ValueTest t : tests) {
                c += t.cost();
            }
            this.cost = c;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            for (ValueTest t : tests) {
                if (t.test(v, ctx)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return cost;
        }
    }

    static final class AllOf extends ValueTest {
        final ValueTest[] tests;
        private final int cost;

        AllOf(ValueTest[] tests) {
            this.tests = tests;
            int c = 0;
            for (ValueTest t : tests) {
                c += t.cost();
            }
            this.cost = c;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            for (ValueTest t : tests) {
                if (!t.test(v, ctx)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int cost() {
            return cost;
        }
    }

    static final class Never extends ValueTest {
        final String why;

        Never(String why) {
            this.why = why;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            return false;
        }

        @Override
        int cost() {
            return 0;
        }
    }

    // ---------------------------------------------------------------- numbers, dates, networks

    enum Cmp { EQ, LT, LTE, GT, GTE }

    static boolean compare(double a, Cmp op, double b) {
        return switch (op) {
            case EQ -> a == b;
            case LT -> a < b;
            case LTE -> a <= b;
            case GT -> a > b;
            case GTE -> a >= b;
        };
    }

    /** Parses a number from a Number or a decimal/hex string; NaN when not numeric. */
    static double number(Object raw, String text) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** lt/lte/gt/gte: the event value parsed as a number (non-numeric never matches). */
    static final class Numeric extends ValueTest {
        final Cmp op;
        final double bound;

        Numeric(Cmp op, double bound) {
            this.op = op;
            this.bound = bound;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            if (v.raw instanceof Number n) {
                return compare(n.doubleValue(), op, bound);
            }
            for (String s : v.strings) {
                double d = number(null, s);
                if (!Double.isNaN(d) && compare(d, op, bound)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return 3;
        }
    }

    enum TimeUnit { MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    private static final DateTimeFormatter SPACE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

    /** Time modifiers: a component (UTC) of the event value read as a date, compared with the rule's number. */
    static final class TimePart extends ValueTest {
        final TimeUnit unit;
        final Cmp op;
        final double bound;

        TimePart(TimeUnit unit, Cmp op, double bound) {
            this.unit = unit;
            this.op = op;
            this.bound = bound;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            for (String s : v.strings) {
                LocalDateTime t = parseTime(s);
                if (t == null) {
                    continue;
                }
                int part = switch (unit) {
                    case MINUTE -> t.getMinute();
                    case HOUR -> t.getHour();
                    case DAY -> t.getDayOfMonth();
                    case WEEK -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    case MONTH -> t.getMonthValue();
                    case YEAR -> t.getYear();
                };
                if (compare(part, op, bound)) {
                    return true;
                }
            }
            return false;
        }

        static LocalDateTime parseTime(String s) {
            String t = s.trim();
            try {
                if (t.indexOf('T') > 0) {
                    if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                        return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    }
                    return LocalDateTime.parse(t);
                }
                return LocalDateTime.parse(t, SPACE_FORMAT);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        int cost() {
            return 30;
        }
    }

    static final class Cidr extends ValueTest {
        final IpNet[] nets;

        Cidr(IpNet[] nets) {
            this.nets = nets;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            for (String s : v.strings) {
                byte[] ip = IpNet.parseIp(s);
                if (ip == null) {
                    continue;
                }
                for (IpNet n : nets) {
                    if (n.contains(ip)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        int cost() {
            return 8;
        }
    }

    /** {@code fieldref}: compares the value with another field of the same event (missing other field: no match). */
    static final class FieldRefTest extends ValueTest {
        final FieldRef other;
        final Mode mode;
        final boolean cased;

        FieldRefTest(FieldRef other, Mode mode, boolean cased) {
            this.other = other;
            this.mode = mode;
            this.cased = cased;
        }

        @Override
        boolean test(EventValue v, EventContext ctx) {
            EventValue o = ctx.get(other);
            if (o.missing()) {
                return false;
            }
            String[] mine = cased ? v.strings : v.lower();
            String[] theirs = cased ? o.strings : o.lower();
            for (String a : mine) {
                for (String b : theirs) {
                    boolean ok = switch (mode) {
                        case EQUALS -> a.equals(b);
                        case PREFIX -> a.startsWith(b);
                        case SUFFIX -> a.endsWith(b);
                        case CONTAINS -> a.contains(b);
                        case ANY -> true;
                    };
                    if (ok) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        int cost() {
            return 5;
        }
    }
}
