package soc.ingest.parse.support;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Hand-written, allocation-light time parsers: ISO-8601 variants, epoch numbers, and RFC 3164 month names. */
public final class Times {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    /** Epoch seconds beyond this are taken as milliseconds (year 5138). */
    private static final double MAX_EPOCH_SECONDS = 1e11;

    private Times() {
    }

    /** Best-effort conversion of a JSON value (ISO string, epoch number or numeric string) to an instant, else null. */
    public static Instant parseAny(Object value) {
        if (value instanceof Number number) {
            return fromEpoch(number);
        }
        if (value instanceof String s) {
            Instant iso = parseIso(s);
            if (iso != null) {
                return iso;
            }
            return parseEpochString(s);
        }
        return null;
    }

    /** Epoch seconds (with fraction) or milliseconds/microseconds/nanoseconds by magnitude. */
    public static Instant fromEpoch(Number number) {
        try {
            if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
                double d = number.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d) || d < 0) {
                    return null;
                }
                if (d < MAX_EPOCH_SECONDS) {
                    long seconds = (long) d;
                    long nanos = Math.round((d - seconds) * 1_000_000) * 1000L;
                    return Instant.ofEpochSecond(seconds, nanos);
                }
                return fromEpochLong((long) d);
            }
            return fromEpochLong(number.longValue());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static Instant fromEpochLong(long v) {
        if (v < 0) {
            return null;
        }
        if (v < MAX_EPOCH_SECONDS) {
            return Instant.ofEpochSecond(v);
        }
        if (v < MAX_EPOCH_SECONDS * 1000) {
            return Instant.ofEpochMilli(v);
        }
        if (v < MAX_EPOCH_SECONDS * 1_000_000) {
            return Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000);
        }
        return Instant.ofEpochSecond(v / 1_000_000_000, v % 1_000_000_000);
    }

    /** {@code 1521911733.511226} (Zeek TSV) or {@code 1521911733}; null when not such a number. */
    public static Instant parseEpochString(String s) {
        int n = s.length();
        if (n == 0 || n > 24) {
            return null;
        }
        int dot = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (!Text.isDigit(c)) {
                return null;
            }
        }
        if (dot == 0) {
            return null;
        }
        Long whole = Text.parseLong(dot < 0 ? s : s.substring(0, dot));
        if (whole == null) {
            return null;
        }
        if (dot < 0) {
            return fromEpoch(whole);
        }
        if (whole >= MAX_EPOCH_SECONDS) {
            return fromEpoch(whole);
        }
        long nanos = 0;
        int digits = 0;
        for (int i = dot + 1; i < n && digits < 9; i++, digits++) {
            nanos = nanos * 10 + (s.charAt(i) - '0');
        }
        for (; digits < 9; digits++) {
            nanos *= 10;
        }
        return Instant.ofEpochSecond(whole, nanos);
    }

    /**
     * ISO-8601-like date-times: {@code yyyy-MM-dd[T ]HH:mm[:ss[.fffffffff]]} with an optional zone {@code Z},
     * {@code +hh:mm}, {@code +hhmm}, {@code +hh} or {@code UTC}/{@code GMT}; no zone means UTC. Null when not one.
     */
    public static Instant parseIso(String s) {
        int n = s.length();
        if (n < 16 || n > 40) {
            return null;
        }
        int year = Text.parseUnsignedInt(s, 0, 4);
        if (year < 0 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int month = Text.parseUnsignedInt(s, 5, 7);
        int day = Text.parseUnsignedInt(s, 8, 10);
        char sep = s.charAt(10);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            return null;
        }
        int hour = Text.parseUnsignedInt(s, 11, 13);
        if (s.charAt(13) != ':') {
            return null;
        }
        int minute = Text.parseUnsignedInt(s, 14, 16);
        int i = 16;
        int second = 0;
        int nanos = 0;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 > n) {
                return null;
            }
            second = Text.parseUnsignedInt(s, i + 1, i + 3);
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                i++;
                int digits = 0;
                int start = i;
                while (i < n && Text.isDigit(s.charAt(i))) {
                    if (digits < 9) {
                        nanos = nanos * 10 + (s.charAt(i) - '0');
                        digits++;
                    }
                    i++;
                }
                if (i == start) {
                    return null;
                }
                for (; digits < 9; digits++) {
                    nanos *= 10;
                }
            }
        }
        if (month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int offsetSeconds = 0;
        if (i < n) {
            if (s.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return null;
            }
            char z = s.charAt(i);
            if ((z == 'Z' || z == 'z') && i + 1 == n) {
                offsetSeconds = 0;
            } else if (z == '+' || z == '-') {
                int hh = i + 3 <= n ? Text.parseUnsignedInt(s, i + 1, i + 3) : -1;
                int mm = 0;
                int j = i + 3;
                if (j < n && s.charAt(j) == ':') {
                    j++;
                }
                if (j < n) {
                    mm = j + 2 == n ? Text.parseUnsignedInt(s, j, j + 2) : -1;
                }
                if (hh < 0 || hh > 18 || mm < 0 || mm > 59) {
                    return null;
                }
                offsetSeconds = (hh * 3600 + mm * 60) * (z == '-' ? -1 : 1);
            } else if (s.regionMatches(true, i, "UTC", 0, 3) && i + 3 == n
                    || s.regionMatches(true, i, "GMT", 0, 3) && i + 3 == n) {
                offsetSeconds = 0;
            } else {
                return null;
            }
        }
        return of(year, month, day, hour, minute, second, nanos, offsetSeconds);
    }

    /** A validated instant, or null when a field is out of range (Feb 30, hour 25, leap second 60 clamps to 59). */
    public static Instant of(int year, int month, int day, int hour, int minute, int second, int nanos,
                             int offsetSeconds) {
        if (second == 60) {
            second = 59;
        }
        // the checks of LocalDateTime.of and ZoneOffset.ofTotalSeconds, without their objects
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0
                || nanos > 999_999_999 || offsetSeconds < -64_800 || offsetSeconds > 64_800) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** 1..12 for a three-letter English month abbreviation at {@code at} (case-insensitive), else 0. */
    public static int month(String s, int at) {
        if (at + 3 > s.length()) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(true, at, MONTHS, m * 3, 3)) {
                return m + 1;
            }
        }
        return 0;
    }

    /**
     * The year for a year-less RFC 3164 time: the candidate closest to {@code receivedAt} that is not more than a
     * day after it (clock skew), searching back far enough to find a Feb 29.
     */
    public static Instant withInferredYear(Instant receivedAt, int month, int day, int hour, int minute, int second,
                                           int nanos) {
        int receivedYear = receivedAt.atOffset(ZoneOffset.UTC).getYear();
        Instant limit = receivedAt.plusSeconds(86_400);
        for (int year = receivedYear + 1; year >= receivedYear - 8; year--) {
            Instant candidate = of(year, month, day, hour, minute, second, nanos, 0);
            if (candidate != null && !candidate.isAfter(limit)) {
                return candidate;
            }
        }
        return null;
    }
}
