package soc.ingest.parse.syslog;

import java.time.Instant;

import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.Text;
import soc.ingest.parse.support.Times;

/**
 * Hand-written scanner for RFC 5424 and RFC 3164 syslog lines (no regular expressions, linear time). Accepts
 * RFC 6587 octet-counting framing ({@code 215 <86>1 ...}), a missing {@code <PRI>} when the line starts with a
 * timestamp (syslog written to a file), single-digit days padded with a space, year-less times (the year is
 * inferred from the receive time), a missing hostname, and tags with or without {@code [pid]}.
 */
public final class SyslogScanner {
    private static final int MAX_TAG = 128;

    private SyslogScanner() {
    }

    /** Scans {@code s}; throws {@link ParseException} when it is not syslog at all. */
    public static SyslogMessage scan(String s, Instant receivedAt) {
        SyslogMessage m = new SyslogMessage();
        int n = s.length();
        int i = Text.firstNonBlank(s, 0);
        // RFC 6587 octet counting: "<len> <PRI>..."
        int digitsEnd = i;
        while (digitsEnd < n && digitsEnd - i < 7 && Text.isDigit(s.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd > i && digitsEnd + 1 < n && s.charAt(digitsEnd) == ' ' && s.charAt(digitsEnd + 1) == '<') {
            i = digitsEnd + 1;
        }
        if (i < n && s.charAt(i) == '<') {
            int close = i + 1;
            while (close < n && close - i <= 4 && Text.isDigit(s.charAt(close))) {
                close++;
            }
            if (close >= n || s.charAt(close) != '>' || close == i + 1) {
                throw new ParseException("invalid PRI header");
            }
            int pri = Text.parseUnsignedInt(s, i + 1, close);
            if (pri < 0 || pri > 191) {
                throw new ParseException("PRI " + s.substring(i + 1, close) + " out of range 0-191");
            }
            m.priority = pri;
            i = close + 1;
        }
        // RFC 5424: VERSION SP TIMESTAMP ...
        if (i + 1 < n && s.charAt(i) >= '1' && s.charAt(i) <= '9') {
            int v = i;
            while (v < n && v - i < 3 && Text.isDigit(s.charAt(v))) {
                v++;
            }
            if (v < n && s.charAt(v) == ' ' && v + 1 < n
                    && (m.priority >= 0 || s.charAt(v + 1) == '-' || isIsoStart(s, v + 1))) {
                m.version = Text.parseUnsignedInt(s, i, v);
                scan5424(s, v + 1, m);
                return m;
            }
        }
        scan3164(s, i, m, receivedAt);
        return m;
    }

    private static boolean isIsoStart(String s, int at) {
        return at + 10 < s.length() && Text.isDigit(s.charAt(at)) && Text.isDigit(s.charAt(at + 3))
                && s.charAt(at + 4) == '-' && s.charAt(at + 7) == '-';
    }

    private static int tokenEnd(String s, int from) {
        int e = s.indexOf(' ', from);
        return e < 0 ? s.length() : e;
    }

    private static String nil(String s, int from, int to) {
        if (from >= to || (to - from == 1 && s.charAt(from) == '-')) {
            return null;
        }
        return s.substring(from, to);
    }

    private static void scan5424(String s, int i, SyslogMessage m) {
        int n = s.length();
        int e = tokenEnd(s, i);
        String ts = nil(s, i, e);
        if (ts != null) {
            m.timestamp = Times.parseIso(ts);
        }
        i = Math.min(n, e + 1);
        e = tokenEnd(s, i);
        m.hostname = nil(s, i, e);
        i = Math.min(n, e + 1);
        e = tokenEnd(s, i);
        m.appName = nil(s, i, e);
        i = Math.min(n, e + 1);
        e = tokenEnd(s, i);
        m.procId = nil(s, i, e);
        i = Math.min(n, e + 1);
        e = tokenEnd(s, i);
        m.msgId = nil(s, i, e);
        i = Math.min(n, e + 1);
        if (i >= n) {
            return;
        }
        if (s.charAt(i) == '-') {
            i++;
        } else if (s.charAt(i) == '[') {
            int end = scanStructuredData(s, i, m);
            if (end < 0) {
                m.structuredData = null; // malformed: keep everything as the message
            } else {
                i = end;
            }
        }
        if (i < n && s.charAt(i) == ' ') {
            i++;
        }
        if (i < n && s.charAt(i) == '\uFEFF') {
            i++;
        }
        m.message = i < n ? s.substring(i) : "";
    }

    /** Scans {@code [id k="v" ...][...]}; returns the index after it, or -1 when malformed. */
    private static int scanStructuredData(String s, int i, SyslogMessage m) {
        int n = s.length();
        StringBuilder value = new StringBuilder();
        while (i < n && s.charAt(i) == '[') {
            int idStart = ++i;
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ']' && s.charAt(i) != '=' && s.charAt(i) != '"') {
                i++;
            }
            if (i >= n || i == idStart) {
                return -1;
            }
            var element = m.sdElement(s.substring(idStart, i));
            while (i < n && s.charAt(i) == ' ') {
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && s.charAt(i) == ']') {
                    break;
                }
                int nameStart = i;
                while (i < n && s.charAt(i) != '=' && s.charAt(i) != ' ' && s.charAt(i) != ']' && s.charAt(i) != '"') {
                    i++;
                }
                if (i + 1 >= n || s.charAt(i) != '=' || s.charAt(i + 1) != '"' || i == nameStart) {
                    return -1;
                }
                String name = s.substring(nameStart, i);
                i += 2;
                value.setLength(0);
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\'
                            || s.charAt(i + 1) == ']')) {
                        value.append(s.charAt(i + 1));
                        i += 2;
                    } else if (c == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    return -1;
                }
                element.put(name, value.toString());
            }
            if (i >= n || s.charAt(i) != ']') {
                return -1;
            }
            i++;
        }
        return i;
    }

    private static void scan3164(String s, int i, SyslogMessage m, Instant receivedAt) {
        int n = s.length();
        if (i < n && (s.charAt(i) == '*' || s.charAt(i) == '.')) {
            i++; // Cisco: '*' = clock not synchronised
        }
        int after = scan3164Time(s, i, m, receivedAt);
        if (after < 0) {
            if (m.priority < 0) {
                throw new ParseException("no PRI header");
            }
            m.message = s.substring(Math.min(i, n)); // RFC 3164 4.3.3: no valid TIMESTAMP, all of it is MSG
            return;
        }
        i = Text.firstNonBlank(s, after);
        if (i >= n) {
            return;
        }
        // HOSTNAME, unless the first token already is the tag ("sshd[12]:" / "su:")
        int e = tokenEnd(s, i);
        boolean firstIsTag = s.charAt(e - 1) == ':' || s.charAt(e - 1) == ']' && s.indexOf('[', i) > i
                && s.indexOf('[', i) < e;
        if (!firstIsTag) {
            m.hostname = s.substring(i, e);
            i = Text.firstNonBlank(s, e);
        }
        // TAG[pid]:
        int t = i;
        int limit = Math.min(n, i + MAX_TAG);
        while (t < limit) {
            char c = s.charAt(t);
            if (c == ':' || c == '[' || c == ' ') {
                break;
            }
            t++;
        }
        if (t < n && t > i) {
            char c = s.charAt(t);
            if (c == '[') {
                int close = s.indexOf(']', t);
                if (close > t && close - t < 32) {
                    m.appName = s.substring(i, t);
                    m.procId = nilOrNull(s.substring(t + 1, close));
                    i = close + 1;
                    if (i < n && s.charAt(i) == ':') {
                        i++;
                    }
                    if (i < n && s.charAt(i) == ' ') {
                        i++;
                    }
                }
            } else if (c == ':') {
                m.appName = s.substring(i, t);
                i = t + 1;
                if (i < n && s.charAt(i) == ' ') {
                    i++;
                }
            }
        }
        m.message = i < n ? s.substring(i) : "";
    }

    private static String nilOrNull(String s) {
        return s.isEmpty() || s.equals("-") ? null : s;
    }

    /** Scans an RFC 3164 ({@code Mmm dd hh:mm:ss}) or ISO timestamp; returns the index after it or -1. */
    private static int scan3164Time(String s, int i, SyslogMessage m, Instant receivedAt) {
        int n = s.length();
        if (isIsoStart(s, i)) {
            int e = tokenEnd(s, i);
            Instant t = Times.parseIso(s.substring(i, e));
            if (t == null) {
                return -1;
            }
            m.timestamp = t;
            return e;
        }
        int month = Times.month(s, i);
        if (month == 0 || i + 3 >= n || s.charAt(i + 3) != ' ') {
            return -1;
        }
        int j = i + 4;
        if (j < n && s.charAt(j) == ' ') {
            j++;
        }
        int dayStart = j;
        while (j < n && j - dayStart < 2 && Text.isDigit(s.charAt(j))) {
            j++;
        }
        int day = Text.parseUnsignedInt(s, dayStart, j);
        if (day < 1 || j >= n || s.charAt(j) != ' ') {
            return -1;
        }
        j++;
        int year = -1;
        if (j + 4 < n && s.charAt(j + 4) == ' ' && Text.parseUnsignedInt(s, j, j + 4) >= 0) {
            year = Text.parseUnsignedInt(s, j, j + 4);
            j += 5;
        }
        if (j + 8 > n || s.charAt(j + 2) != ':' || s.charAt(j + 5) != ':') {
            return -1;
        }
        int hour = Text.parseUnsignedInt(s, j, j + 2);
        int minute = Text.parseUnsignedInt(s, j + 3, j + 5);
        int second = Text.parseUnsignedInt(s, j + 6, j + 8);
        if (hour < 0 || minute < 0 || second < 0) {
            return -1;
        }
        j += 8;
        int nanos = 0;
        if (j < n && s.charAt(j) == '.') {
            int k = j + 1;
            int digits = 0;
            while (k < n && Text.isDigit(s.charAt(k))) {
                if (digits < 9) {
                    nanos = nanos * 10 + (s.charAt(k) - '0');
                    digits++;
                }
                k++;
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
            j = k;
        }
        if (year < 0 && j + 5 <= n && s.charAt(j) == ' ' && Text.parseUnsignedInt(s, j + 1, j + 5) >= 1970
                && (j + 5 == n || s.charAt(j + 5) == ' ')) {
            year = Text.parseUnsignedInt(s, j + 1, j + 5); // "Mmm dd hh:mm:ss yyyy"
            j += 5;
        }
        if (j < n && s.charAt(j) == ':') {
            j++; // Cisco "...:03.673: %SYS-5-..."
        }
        Instant t = year >= 0 ? Times.of(year, month, day, hour, minute, second, nanos, 0)
                : Times.withInferredYear(receivedAt, month, day, hour, minute, second, nanos);
        if (t == null) {
            return -1;
        }
        m.timestamp = t;
        return j;
    }
}
